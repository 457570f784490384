package org.mnistlab.insight.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.mnistlab.base.ui.UiEventPump;
import org.mnistlab.base.ui.UiPushScheduler;
import org.mnistlab.dataset.DatasetService;
import org.mnistlab.insight.Embedding;
import org.mnistlab.insight.EmbeddingService;
import org.mnistlab.insight.EmbeddingSource;
import org.mnistlab.insight.TsneStatus;

/**
 * A source's map with the choice of method: PCA at once, t-SNE from the disk cache or computed in the
 * background with its progress shown (leaving the page does not stop it; coming back finds it).
 */
class EmbeddingPanel extends Div {

    private final EmbeddingService embeddings;
    private final DatasetService datasets;
    private final RadioButtonGroup<Embedding.Method> method = new RadioButtonGroup<>("Placement");
    private final Paragraph note = new Paragraph();
    private final ProgressBar progress = new ProgressBar();
    private final EmbeddingMap map = new EmbeddingMap();
    private volatile EmbeddingSource source;

    EmbeddingPanel(EmbeddingService embeddings, DatasetService datasets, UiPushScheduler pushScheduler) {
        this.embeddings = embeddings;
        this.datasets = datasets;
        setWidthFull();
        method.setId("map-method");
        method.setItems(Embedding.Method.values());
        method.setItemLabelGenerator(Embedding.Method::label);
        method.setValue(Embedding.Method.PCA);
        method.addValueChangeListener(e -> refresh());
        note.setId("map-note");
        note.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        progress.setId("tsne-progress");
        progress.setVisible(false);
        progress.setWidth("24em");
        map.setId("embedding-map");
        add(method, note, progress, map);
        new UiEventPump<TsneStatus>(this, pushScheduler, embeddings::subscribe, events -> refresh())
                .accepting(s -> s.source().equals(source))
                .latestOnly(s -> s.result() == null && s.error() == null);
    }

    /** Maps this source (PCA at once, or t-SNE if chosen). */
    void show(EmbeddingSource source) {
        this.source = source;
        refresh();
    }

    EmbeddingMap map() {
        return map;
    }

    private void refresh() {
        if (source == null) {
            return;
        }
        if (method.getValue() == Embedding.Method.TSNE) {
            TsneStatus status = embeddings.tsne(source);
            progress.setVisible(status.result() == null && status.error() == null);
            progress.setValue(status.progress());
            if (status.error() != null) {
                note.setText("t-SNE failed: " + status.error());
            } else if (status.result() == null) {
                note.setText("t-SNE is running in the background (" + status.phase() + ", "
                        + Math.round(100 * status.progress()) + " %); the PCA map is shown until it is done.");
                showPca();
            } else {
                note.setText(status.result().note());
                map.show(status.result(), datasets.samples(source.kind(), source.split()));
            }
            return;
        }
        progress.setVisible(false);
        showPca();
    }

    private void showPca() {
        embeddings.pca(source).ifPresentOrElse(pca -> {
            if (method.getValue() == Embedding.Method.PCA) {
                note.setText(pca.note());
            }
            if (map.shown() != pca) {
                map.show(pca, datasets.samples(source.kind(), source.split()));
            }
        }, () -> note.setText("This run has no model file, so its features cannot be mapped."));
    }
}
