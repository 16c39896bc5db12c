-- The plan as read (the AnnualPlan in the JSON form of plan_versions.plan_json), kept on a load whenever it differs from
-- the last one kept for that path, NULL otherwise: a bot whose plan file was deleted or broken starts with this last
-- good reading instead of refusing to start or announcing nothing.
ALTER TABLE plan_loads ADD COLUMN plan_json TEXT;
