-- CreateTable
CREATE TABLE "Publication" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "note" TEXT,
    "editorId" TEXT NOT NULL,
    "articleRevision" INTEGER NOT NULL,
    "claims" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Publication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Publication_editorId_createdAt_idx" ON "Publication"("editorId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Publication_articleId_number_key" ON "Publication"("articleId", "number");

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A publication is what went live: it is never rewritten. (Deleting the article
-- still removes its publications; the FK cascades only touch the ids.)
CREATE FUNCTION "Publication_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."number" IS DISTINCT FROM OLD."number" OR NEW."note" IS DISTINCT FROM OLD."note"
     OR NEW."claims" IS DISTINCT FROM OLD."claims" OR NEW."articleRevision" IS DISTINCT FROM OLD."articleRevision"
     OR NEW."createdAt" IS DISTINCT FROM OLD."createdAt" THEN
    RAISE EXCEPTION 'publications are immutable (publication % of article %)', OLD."number", OLD."articleId" USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Publication_immutable" BEFORE UPDATE ON "Publication"
  FOR EACH ROW EXECUTE FUNCTION "Publication_immutable"();
