-- Data only (Prisma has no way to say it): articles that already have suggestions
-- were ranked at their current revision (a revision re-ranks its new text in the
-- revising transaction). The rest stay null and are ranked by the backfill.
UPDATE "Article" a SET "suggestionsRevision" = a.revision
WHERE EXISTS (SELECT 1 FROM "Suggestion" s WHERE s."articleId" = a.id);
