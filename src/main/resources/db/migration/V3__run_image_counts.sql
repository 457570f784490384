-- The images a run really trained and validated on (its split's sizes), recorded when training starts;
-- NULL for runs that have not started and for runs stored before this migration.
ALTER TABLE runs ADD COLUMN train_images INT;
ALTER TABLE runs ADD COLUMN validation_images INT;
