-- Data only (Prisma cannot express it): a claim's last editor, for the four-eyes
-- rule, is its author until someone else changes it. Editors' earlier changes
-- are in the audit log, not on the row; the author is the safe assumption.
UPDATE "Claim" SET "lastEditedById" = "authorId" WHERE "lastEditedById" IS NULL;
