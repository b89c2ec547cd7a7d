-- Harvesting engine: what a run cost beyond its requests and bytes.
-- retries: requests sent again after a failure or a 429/5xx answer (included in requests).
-- not_modified: conditional requests the platform answered 304 (served from the cache).
ALTER TABLE harvest_run ADD COLUMN retries BIGINT NOT NULL DEFAULT 0;
ALTER TABLE harvest_run ADD COLUMN not_modified BIGINT NOT NULL DEFAULT 0;
