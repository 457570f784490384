-- How a finished run's training ended: stopped by early stopping, and whether the best epoch's weights were
-- restored (then the test evaluation and the model file are of the best epoch, else of the last).
-- NULL for runs that did not finish, and for runs finished before this was recorded.
ALTER TABLE runs ADD COLUMN stopped_early BOOLEAN;
ALTER TABLE runs ADD COLUMN restored_best_weights BOOLEAN;
