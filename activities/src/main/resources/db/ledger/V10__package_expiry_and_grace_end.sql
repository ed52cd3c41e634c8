-- Downloads whose package is not purged yet: the sweep that purges packages once their link expired
-- (PackageExpiry) reads these at start-up and periodically, so a purge never depends on a workflow timer
-- that a restart of the in-memory server lost.
create index requests_unpurged_packages on requests (id) where download->>'purged' = 'false';

-- A deletion's grace period as configured, when the due date the law sets shortened it (null: not shortened).
alter table requests add column grace_configured_end timestamptz;
