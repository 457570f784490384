-- When validation accuracy first reached each of the dataset's three targets (TimeToAccuracy.targets):
-- the epoch and the summed epoch durations until then, in seconds; NULL while not reached. Kept on the run
-- so that the runs grid can sort by them.
ALTER TABLE runs ADD COLUMN target1_epoch INT;
ALTER TABLE runs ADD COLUMN target1_seconds DOUBLE PRECISION;
ALTER TABLE runs ADD COLUMN target2_epoch INT;
ALTER TABLE runs ADD COLUMN target2_seconds DOUBLE PRECISION;
ALTER TABLE runs ADD COLUMN target3_epoch INT;
ALTER TABLE runs ADD COLUMN target3_seconds DOUBLE PRECISION;

-- Runs stored before: derived once from their stored epochs (same rule: the epoch durations summed).
UPDATE runs r SET
    target1_epoch = (SELECT MIN(e.epoch) FROM epoch_metrics e WHERE e.run_id = r.id
        AND e.validation_accuracy >= CASE r.dataset WHEN 'FASHION_MNIST' THEN 0.85 ELSE 0.99 END - 1e-9),
    target2_epoch = (SELECT MIN(e.epoch) FROM epoch_metrics e WHERE e.run_id = r.id
        AND e.validation_accuracy >= CASE r.dataset WHEN 'FASHION_MNIST' THEN 0.90 ELSE 0.993 END - 1e-9),
    target3_epoch = (SELECT MIN(e.epoch) FROM epoch_metrics e WHERE e.run_id = r.id
        AND e.validation_accuracy >= CASE r.dataset WHEN 'FASHION_MNIST' THEN 0.92 ELSE 0.995 END - 1e-9);
UPDATE runs r SET
    target1_seconds = (SELECT SUM(e.duration_ms) / 1000.0 FROM epoch_metrics e
        WHERE e.run_id = r.id AND e.epoch <= r.target1_epoch),
    target2_seconds = (SELECT SUM(e.duration_ms) / 1000.0 FROM epoch_metrics e
        WHERE e.run_id = r.id AND e.epoch <= r.target2_epoch),
    target3_seconds = (SELECT SUM(e.duration_ms) / 1000.0 FROM epoch_metrics e
        WHERE e.run_id = r.id AND e.epoch <= r.target3_epoch);
