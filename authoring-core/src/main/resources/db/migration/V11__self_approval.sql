-- Issue 10 (local mode): an approval given without four-eyes. Local mode has a single principal, "local",
-- so its approvals cannot be shown to come from someone other than the author; they are marked, not hidden.
ALTER TABLE asset_reviews ADD COLUMN self_approval BOOLEAN DEFAULT FALSE NOT NULL;
