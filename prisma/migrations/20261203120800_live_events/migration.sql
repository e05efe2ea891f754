-- Live updates: every committed change a page shows ends up as a row of the
-- "Event" outbox, read by every app instance's listener after a NOTIFY
-- (channel verity_events). Hand-written: Prisma cannot express triggers.
--
-- Two steps, so that Event ids follow commit order without slowing writers:
-- 1. Plain AFTER ROW triggers on the tables (Claim, Comment, Review, Article,
--    ImportJob, Suggestion, Presence, Notification) describe the change in a
--    row of verity_live.pending, inside the writer's transaction: a rolled-back
--    transaction (or savepoint) leaves nothing, and nothing else is taken.
-- 2. One sequencer (the app instance whose listener holds a session advisory
--    lock; another takes over when it goes) calls verity_live.sequence() every
--    few tens of milliseconds: it moves the committed pending rows into "Event"
--    in one transaction and NOTIFYs. Event has that one writer, so its ids are
--    drawn in the order changes became visible and become visible in id order:
--    a reader of "id > cursor" never meets a lower id committing later.
-- Why not take an ordering lock or NOTIFY in the writer's commit (a deferred
-- trigger): both serialise every committing writer, across its WAL flush. The
-- 20-connection claim write fell from ~1,300-2,800 to ~210-460 inserts/s in a
-- SQL-level measurement (see the README, "Live updates").
-- The staging table lives in its own schema: plumbing, not the data model that
-- schema.prisma describes (the schema check compares the public schema), and
-- not in backups (the public schema).
--
-- Payloads carry ids, not names: the server joins actor names when it reads
-- the outbox. Who is present is read when the row is sequenced (so it is
-- current), and a transaction's presence or suggestion changes are announced
-- once per article; a notification carries its user's unread count as the
-- inserting statement leaves it.
CREATE SCHEMA IF NOT EXISTS verity_live;

CREATE TABLE verity_live.pending (
  "id"        bigserial PRIMARY KEY,
  "type"      text  NOT NULL,
  "topic"     text  NOT NULL,
  "articleId" text,
  "userId"    text,
  "payload"   jsonb NOT NULL
);

-- True the first time it is asked about `key` in this transaction.
CREATE FUNCTION verity_live.first_in_tx(key text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  name text := 'verity_live.k' || md5(key);
BEGIN
  IF current_setting(name, true) = '1' THEN
    RETURN false;
  END IF;
  PERFORM set_config(name, '1', true);
  RETURN true;
END
$$;

-- Moves committed pending rows into "Event" in order; returns how many events it wrote.
-- Only the sequencer calls it; the lock makes a second caller (a stale sequencer) wait its turn.
CREATE FUNCTION verity_live.sequence() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  written integer;
BEGIN
  PERFORM pg_advisory_xact_lock(7493021604);
  WITH moved AS (
    DELETE FROM verity_live.pending RETURNING *
  ), ranked AS (
    -- A recomputed set once per article and batch: the last one.
    SELECT m.*, CASE WHEN m.type IN ('presence', 'suggestions.changed')
      THEN row_number() OVER (PARTITION BY m.type, m."articleId" ORDER BY m.id DESC) ELSE 1 END AS rn
    FROM moved m
  ), ins AS (
    INSERT INTO "Event" ("type", "articleId", "userId", "topic", "payload", "createdAt")
    SELECT r.type, r."articleId", r."userId", r.topic,
      r.payload || CASE r.type
        WHEN 'presence' THEN jsonb_build_object('users', (
          SELECT coalesce(jsonb_agg(jsonb_build_object('id', u.id, 'name', u.name) ORDER BY u.name, u.id), '[]'::jsonb)
          FROM (SELECT DISTINCT "userId" FROM "Presence" WHERE "articleId" = r."articleId") p JOIN "User" u ON u.id = p."userId"))
        ELSE '{}'::jsonb END,
      -- Wall-clock UTC whatever the session's TimeZone: it drives pruning.
      clock_timestamp() AT TIME ZONE 'UTC'
    FROM ranked r WHERE r.rn = 1
    ORDER BY r.id
    RETURNING 1
  )
  SELECT count(*) INTO written FROM ins;
  IF written > 0 THEN
    PERFORM pg_notify('verity_events', '');
  END IF;
  RETURN written;
END
$$;

-- Claims: the hot path, one insert.
CREATE FUNCTION "Claim_event"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO verity_live.pending ("type", "topic", "articleId", "payload")
    VALUES ('claim.deleted', 'article', OLD."articleId", jsonb_build_object('type', 'claim.deleted', 'id', OLD.id, 'articleId', OLD."articleId"));
    RETURN NULL;
  END IF;
  INSERT INTO verity_live.pending ("type", "topic", "articleId", "payload")
  VALUES (CASE TG_OP WHEN 'INSERT' THEN 'claim.created' ELSE 'claim.updated' END, 'article', NEW."articleId",
    jsonb_build_object('type', CASE TG_OP WHEN 'INSERT' THEN 'claim.created' ELSE 'claim.updated' END,
      'id', NEW.id, 'articleId', NEW."articleId", 'version', NEW.version, 'status', NEW.status,
      'anchorStatus', NEW."anchorStatus", 'actorId', NEW."lastEditedById"));
  RETURN NULL;
END
$$;
CREATE TRIGGER "Claim_event_insert" AFTER INSERT ON "Claim" FOR EACH ROW EXECUTE FUNCTION "Claim_event"();
-- Only changes a page shows (not updatedAt or the search vector alone).
CREATE TRIGGER "Claim_event_update" AFTER UPDATE ON "Claim" FOR EACH ROW
  WHEN ((OLD.version, OLD.status, OLD."anchorStatus", OLD.start, OLD."end", OLD.exact, OLD."claimText", OLD.verdict,
         OLD.rationale, OLD."articleRevision", OLD."lastEditedById", OLD."submittedAt")
        IS DISTINCT FROM
        (NEW.version, NEW.status, NEW."anchorStatus", NEW.start, NEW."end", NEW.exact, NEW."claimText", NEW.verdict,
         NEW.rationale, NEW."articleRevision", NEW."lastEditedById", NEW."submittedAt"))
  EXECUTE FUNCTION "Claim_event"();
CREATE TRIGGER "Claim_event_delete" AFTER DELETE ON "Claim" FOR EACH ROW EXECUTE FUNCTION "Claim_event"();

CREATE FUNCTION "Comment_event"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  article text;
BEGIN
  SELECT "articleId" INTO article FROM "Claim" WHERE id = NEW."claimId";
  INSERT INTO verity_live.pending ("type", "topic", "articleId", "payload")
  VALUES ('comment.created', 'article', article,
    jsonb_build_object('type', 'comment.created', 'id', NEW.id, 'claimId', NEW."claimId", 'articleId', article, 'actorId', NEW."authorId"));
  RETURN NULL;
END
$$;
CREATE TRIGGER "Comment_event" AFTER INSERT ON "Comment" FOR EACH ROW EXECUTE FUNCTION "Comment_event"();

CREATE FUNCTION "Review_event"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  article text;
BEGIN
  SELECT "articleId" INTO article FROM "Claim" WHERE id = NEW."claimId";
  INSERT INTO verity_live.pending ("type", "topic", "articleId", "payload")
  VALUES ('review.created', 'article', article,
    jsonb_build_object('type', 'review.created', 'id', NEW.id, 'claimId', NEW."claimId", 'articleId', article,
      'decision', NEW.decision, 'actorId', NEW."editorId"));
  RETURN NULL;
END
$$;
CREATE TRIGGER "Review_event" AFTER INSERT ON "Review" FOR EACH ROW EXECUTE FUNCTION "Review_event"();

-- Articles: a new text revision, publishing (first or update), unpublishing, or
-- any other change of status or of what the page shows about the article.
CREATE FUNCTION "Article_event"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  kind text;
BEGIN
  IF NEW.revision IS DISTINCT FROM OLD.revision THEN
    kind := 'article.revised';
  ELSIF NEW.status = 'PUBLISHED' AND (OLD.status <> 'PUBLISHED' OR NEW."factCheckPublishedAt" IS DISTINCT FROM OLD."factCheckPublishedAt") THEN
    kind := 'article.published';
  ELSIF OLD.status = 'PUBLISHED' AND NEW.status <> 'PUBLISHED' THEN
    kind := 'article.unpublished';
  ELSE
    kind := 'article.updated';
  END IF;
  INSERT INTO verity_live.pending ("type", "topic", "articleId", "payload")
  VALUES (kind, 'article', NEW.id,
    jsonb_build_object('type', kind, 'id', NEW.id, 'articleId', NEW.id, 'revision', NEW.revision, 'status', NEW.status));
  RETURN NULL;
END
$$;
CREATE TRIGGER "Article_event" AFTER UPDATE ON "Article" FOR EACH ROW
  WHEN ((OLD.status, OLD.revision, OLD."factCheckPublishedAt", OLD.title, OLD.slug, OLD.author, OLD.publisher,
         OLD."publishedAt", OLD.language, OLD."sourceUrl")
        IS DISTINCT FROM
        (NEW.status, NEW.revision, NEW."factCheckPublishedAt", NEW.title, NEW.slug, NEW.author, NEW.publisher,
         NEW."publishedAt", NEW.language, NEW."sourceUrl"))
  EXECUTE FUNCTION "Article_event"();

-- Imports: progress for the admins' import page (topic "import", no article).
CREATE FUNCTION "ImportJob_event"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO verity_live.pending ("type", "topic", "payload")
  VALUES ('import.progress', 'import',
    jsonb_build_object('type', 'import.progress', 'id', NEW.id, 'status', NEW.status, 'total', NEW.total,
      'imported', NEW.imported, 'duplicates', NEW.duplicates, 'failed', NEW.failed));
  RETURN NULL;
END
$$;
CREATE TRIGGER "ImportJob_event" AFTER UPDATE ON "ImportJob" FOR EACH ROW
  WHEN ((OLD.status, OLD.total, OLD.imported, OLD.duplicates, OLD.failed)
        IS DISTINCT FROM (NEW.status, NEW.total, NEW.imported, NEW.duplicates, NEW.failed))
  EXECUTE FUNCTION "ImportJob_event"();

-- Suggestions: a dismissal names the suggestion; a recomputation (rows inserted
-- or deleted) is announced once per article and transaction.
CREATE FUNCTION "Suggestion_event"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  article text := CASE TG_OP WHEN 'DELETE' THEN OLD."articleId" ELSE NEW."articleId" END;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO verity_live.pending ("type", "topic", "articleId", "payload")
    VALUES ('suggestion.dismissed', 'article', article, jsonb_build_object('type', 'suggestion.dismissed', 'id', NEW.id, 'articleId', article));
  ELSIF verity_live.first_in_tx('suggestions.changed:' || article) THEN
    INSERT INTO verity_live.pending ("type", "topic", "articleId", "payload")
    VALUES ('suggestions.changed', 'article', article, jsonb_build_object('type', 'suggestions.changed', 'id', article, 'articleId', article));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "Suggestion_event_change" AFTER INSERT OR DELETE ON "Suggestion" FOR EACH ROW EXECUTE FUNCTION "Suggestion_event"();
CREATE TRIGGER "Suggestion_event_dismiss" AFTER UPDATE ON "Suggestion" FOR EACH ROW
  WHEN (NEW.status = 'DISMISSED' AND OLD.status IS DISTINCT FROM 'DISMISSED')
  EXECUTE FUNCTION "Suggestion_event"();

-- Presence: who has the article open (the users are read at commit). A heartbeat (seenAt) emits nothing.
CREATE FUNCTION "Presence_event"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  article text := CASE TG_OP WHEN 'DELETE' THEN OLD."articleId" ELSE NEW."articleId" END;
BEGIN
  IF verity_live.first_in_tx('presence.staged:' || article) THEN
    INSERT INTO verity_live.pending ("type", "topic", "articleId", "payload")
    VALUES ('presence', 'presence', article, jsonb_build_object('type', 'presence', 'id', article, 'articleId', article));
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "Presence_event" AFTER INSERT OR DELETE ON "Presence" FOR EACH ROW EXECUTE FUNCTION "Presence_event"();

-- Notifications: only to their user (no article scope), with the unread count as this insert leaves it.
CREATE FUNCTION "Notification_event"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  unread int;
BEGIN
  SELECT count(*) INTO unread FROM "Notification" WHERE "userId" = NEW."userId" AND "readAt" IS NULL;
  INSERT INTO verity_live.pending ("type", "topic", "userId", "payload")
  VALUES ('notification.created', 'notification', NEW."userId",
    jsonb_build_object('type', 'notification.created', 'id', NEW.id, 'kind', NEW.kind, 'unread', unread));
  RETURN NULL;
END
$$;
CREATE TRIGGER "Notification_event" AFTER INSERT ON "Notification" FOR EACH ROW EXECUTE FUNCTION "Notification_event"();
