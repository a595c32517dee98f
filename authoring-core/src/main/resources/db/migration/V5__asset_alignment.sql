-- The grounding check's evidence per asset (cedar-conventions.md section 5): which requirement words are
-- behind each part of the policy, as JSON [{role, target, spans:[{start,end}]}]. NULL for assets stored
-- before the check existed.
ALTER TABLE policy_generation_assets ADD COLUMN alignment TEXT;
