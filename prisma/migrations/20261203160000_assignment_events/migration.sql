-- Hand-written (Prisma cannot express a trigger). Assignments are live events on
-- their article (see the live_events migration): the reader's assignment panel
-- follows them on every instance.
CREATE FUNCTION "Assignment_event"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO verity_live.pending ("type", "topic", "articleId", "payload")
    VALUES ('assignment.deleted', 'article', OLD."articleId",
      jsonb_build_object('type', 'assignment.deleted', 'id', OLD.id, 'articleId', OLD."articleId", 'claimId', OLD."claimId", 'assigneeId', OLD."assigneeId"));
    RETURN NULL;
  END IF;
  INSERT INTO verity_live.pending ("type", "topic", "articleId", "payload")
  VALUES ('assignment.created', 'article', NEW."articleId",
    jsonb_build_object('type', 'assignment.created', 'id', NEW.id, 'articleId', NEW."articleId", 'claimId', NEW."claimId",
      'assigneeId', NEW."assigneeId", 'actorId', NEW."assignedById"));
  RETURN NULL;
END
$$;
CREATE TRIGGER "Assignment_event" AFTER INSERT OR DELETE ON "Assignment" FOR EACH ROW EXECUTE FUNCTION "Assignment_event"();
