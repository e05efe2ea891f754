-- CreateEnum
CREATE TYPE "ImportItemStatus" AS ENUM ('PENDING', 'IMPORTED', 'DUPLICATE', 'FAILED');

-- AlterTable
ALTER TABLE "ImportJob" DROP COLUMN "errors",
ADD COLUMN     "expandedAt" TIMESTAMP(3),
ADD COLUMN     "heartbeatAt" TIMESTAMP(3),
ADD COLUMN     "input" JSONB,
ADD COLUMN     "label" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "lockedBy" TEXT,
ADD COLUMN     "queueJobId" TEXT;

-- CreateTable
CREATE TABLE "ImportItem" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "input" JSONB,
    "status" "ImportItemStatus" NOT NULL DEFAULT 'PENDING',
    "articleId" TEXT,
    "fields" JSONB,
    "message" TEXT,
    "settledAt" TIMESTAMP(3),

    CONSTRAINT "ImportItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportItem_articleId_idx" ON "ImportItem"("articleId");

-- CreateIndex
CREATE UNIQUE INDEX "ImportItem_jobId_index_key" ON "ImportItem"("jobId", "index");

-- AddForeignKey
ALTER TABLE "ImportItem" ADD CONSTRAINT "ImportItem_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "ImportJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportItem" ADD CONSTRAINT "ImportItem_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE SET NULL ON UPDATE CASCADE;

