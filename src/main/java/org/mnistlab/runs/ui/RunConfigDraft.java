package org.mnistlab.runs.ui;

import java.util.ArrayList;
import java.util.List;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.Augmentation;
import org.mnistlab.training.LrSchedule;
import org.mnistlab.training.OptimizerKind;
import org.mnistlab.training.RunConfig;

/**
 * The form's editable copy of a {@link RunConfig}: the Binder needs setters and the record has none. Number
 * fields are boxed because an emptied field is null; {@link #toConfig()} turns null into a value the engine's
 * validation rejects, so there is one source of truth for what is valid.
 */
public class RunConfigDraft {

    private String name = "";
    private DatasetKind dataset;
    private Architecture architecture;
    private List<Integer> hiddenLayers = List.of();
    private OptimizerKind optimizer;
    private Double learningRate;
    private Double momentum;
    private Integer batchSize;
    private Integer epochs;
    private Integer seed;
    private Double l1;
    private Double l2;
    private Double convDropout;
    private Double denseDropout;
    private boolean batchNorm;
    private Double rotation;
    private Double shift;
    private Double zoom;
    private Double validationFraction;
    private Integer earlyStoppingPatience;
    private boolean restoreBestWeights;
    private LrSchedule.Type scheduleType = LrSchedule.Type.NONE;
    private Double scheduleFactor;
    private Integer scheduleStepEpochs;
    private Integer schedulePatience;
    private Integer trainSubset;

    public static RunConfigDraft of(RunConfig c) {
        RunConfigDraft d = new RunConfigDraft();
        d.name = c.name();
        d.dataset = c.dataset();
        d.architecture = c.architecture();
        d.hiddenLayers = c.hiddenLayers();
        d.optimizer = c.optimizer();
        d.learningRate = c.learningRate();
        d.momentum = c.momentum();
        d.batchSize = c.batchSize();
        d.epochs = c.epochs();
        d.seed = (int) c.seed();
        d.l1 = c.l1();
        d.l2 = c.l2();
        d.convDropout = c.convDropout();
        d.denseDropout = c.denseDropout();
        d.batchNorm = c.batchNorm();
        d.rotation = c.augmentation().maxRotationDegrees();
        d.shift = c.augmentation().maxShiftPixels();
        d.zoom = c.augmentation().zoomRange();
        d.validationFraction = c.validationFraction();
        d.earlyStoppingPatience = c.earlyStoppingPatience();
        d.restoreBestWeights = c.restoreBestWeights();
        d.scheduleType = c.lrSchedule().type();
        d.scheduleFactor = c.lrSchedule().factor();
        d.scheduleStepEpochs = c.lrSchedule().stepEpochs();
        d.schedulePatience = c.lrSchedule().patience();
        d.trainSubset = c.trainSubset();
        return d;
    }

    public RunConfigDraft copy() {
        return of(toConfig());
    }

    /** The record the engine validates; empty number fields become values its validation rejects. */
    public RunConfig toConfig() {
        return new RunConfig(name, dataset, architecture, hiddenLayers, optimizer, d(learningRate), d(momentum),
                i(batchSize), i(epochs), seed == null ? 0 : seed, d(l1), d(l2), d(convDropout), d(denseDropout),
                batchNorm, new Augmentation(d(rotation), d(shift), d(zoom)), d(validationFraction),
                i(earlyStoppingPatience), restoreBestWeights,
                new LrSchedule(scheduleType == null ? LrSchedule.Type.NONE : scheduleType, d(scheduleFactor),
                        i(scheduleStepEpochs), i(schedulePatience)),
                i(trainSubset));
    }

    private static double d(Double v) {
        return v == null ? Double.NaN : v;
    }

    private static int i(Integer v) {
        return v == null ? -1 : v;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public DatasetKind getDataset() {
        return dataset;
    }

    public void setDataset(DatasetKind dataset) {
        this.dataset = dataset;
    }

    public Architecture getArchitecture() {
        return architecture;
    }

    public void setArchitecture(Architecture architecture) {
        this.architecture = architecture;
    }

    public List<Integer> getHiddenLayers() {
        return hiddenLayers;
    }

    public void setHiddenLayers(List<Integer> hiddenLayers) {
        this.hiddenLayers = hiddenLayers == null ? List.of() : new ArrayList<>(hiddenLayers);
    }

    public OptimizerKind getOptimizer() {
        return optimizer;
    }

    public void setOptimizer(OptimizerKind optimizer) {
        this.optimizer = optimizer;
    }

    public Double getLearningRate() {
        return learningRate;
    }

    public void setLearningRate(Double learningRate) {
        this.learningRate = learningRate;
    }

    public Double getMomentum() {
        return momentum;
    }

    public void setMomentum(Double momentum) {
        this.momentum = momentum;
    }

    public Integer getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(Integer batchSize) {
        this.batchSize = batchSize;
    }

    public Integer getEpochs() {
        return epochs;
    }

    public void setEpochs(Integer epochs) {
        this.epochs = epochs;
    }

    public Integer getSeed() {
        return seed;
    }

    public void setSeed(Integer seed) {
        this.seed = seed;
    }

    public Double getL1() {
        return l1;
    }

    public void setL1(Double l1) {
        this.l1 = l1;
    }

    public Double getL2() {
        return l2;
    }

    public void setL2(Double l2) {
        this.l2 = l2;
    }

    public Double getConvDropout() {
        return convDropout;
    }

    public void setConvDropout(Double convDropout) {
        this.convDropout = convDropout;
    }

    public Double getDenseDropout() {
        return denseDropout;
    }

    public void setDenseDropout(Double denseDropout) {
        this.denseDropout = denseDropout;
    }

    public boolean isBatchNorm() {
        return batchNorm;
    }

    public void setBatchNorm(boolean batchNorm) {
        this.batchNorm = batchNorm;
    }

    public Double getRotation() {
        return rotation;
    }

    public void setRotation(Double rotation) {
        this.rotation = rotation;
    }

    public Double getShift() {
        return shift;
    }

    public void setShift(Double shift) {
        this.shift = shift;
    }

    public Double getZoom() {
        return zoom;
    }

    public void setZoom(Double zoom) {
        this.zoom = zoom;
    }

    public Double getValidationFraction() {
        return validationFraction;
    }

    public void setValidationFraction(Double validationFraction) {
        this.validationFraction = validationFraction;
    }

    public Integer getEarlyStoppingPatience() {
        return earlyStoppingPatience;
    }

    public void setEarlyStoppingPatience(Integer earlyStoppingPatience) {
        this.earlyStoppingPatience = earlyStoppingPatience;
    }

    public boolean isRestoreBestWeights() {
        return restoreBestWeights;
    }

    public void setRestoreBestWeights(boolean restoreBestWeights) {
        this.restoreBestWeights = restoreBestWeights;
    }

    public LrSchedule.Type getScheduleType() {
        return scheduleType;
    }

    public void setScheduleType(LrSchedule.Type scheduleType) {
        this.scheduleType = scheduleType;
    }

    public Double getScheduleFactor() {
        return scheduleFactor;
    }

    public void setScheduleFactor(Double scheduleFactor) {
        this.scheduleFactor = scheduleFactor;
    }

    public Integer getScheduleStepEpochs() {
        return scheduleStepEpochs;
    }

    public void setScheduleStepEpochs(Integer scheduleStepEpochs) {
        this.scheduleStepEpochs = scheduleStepEpochs;
    }

    public Integer getSchedulePatience() {
        return schedulePatience;
    }

    public void setSchedulePatience(Integer schedulePatience) {
        this.schedulePatience = schedulePatience;
    }

    public Integer getTrainSubset() {
        return trainSubset;
    }

    public void setTrainSubset(Integer trainSubset) {
        this.trainSubset = trainSubset;
    }
}
