-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "searchVector" tsvector;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "searchVector" tsvector;

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "searchVector" tsvector;

-- AlterTable
ALTER TABLE "ImportItem" ADD COLUMN     "factCheckId" TEXT;

-- CreateTable
CREATE TABLE "FactCheck" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "claimReviewed" TEXT NOT NULL,
    "title" TEXT,
    "claimant" TEXT,
    "appearanceUrl" TEXT,
    "ratingName" TEXT,
    "ratingValue" DOUBLE PRECISION,
    "bestRating" DOUBLE PRECISION,
    "worstRating" DOUBLE PRECISION,
    "verdict" "Verdict",
    "publisher" TEXT,
    "datePublished" TIMESTAMP(3),
    "language" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "searchVector" tsvector,

    CONSTRAINT "FactCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimLink" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "linkedClaimId" TEXT,
    "factCheckId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FactCheck_url_key" ON "FactCheck"("url");

-- CreateIndex
CREATE INDEX "FactCheck_datePublished_idx" ON "FactCheck"("datePublished");

-- CreateIndex
CREATE INDEX "FactCheck_publisher_idx" ON "FactCheck"("publisher");

-- CreateIndex
CREATE INDEX "FactCheck_searchVector_idx" ON "FactCheck" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "ClaimLink_linkedClaimId_idx" ON "ClaimLink"("linkedClaimId");

-- CreateIndex
CREATE INDEX "ClaimLink_factCheckId_idx" ON "ClaimLink"("factCheckId");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimLink_claimId_linkedClaimId_key" ON "ClaimLink"("claimId", "linkedClaimId");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimLink_claimId_factCheckId_key" ON "ClaimLink"("claimId", "factCheckId");

-- CreateIndex
CREATE INDEX "Article_searchVector_idx" ON "Article" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Claim_searchVector_idx" ON "Claim" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Source_url_idx" ON "Source" USING HASH ("url");

-- CreateIndex
CREATE INDEX "Source_searchVector_idx" ON "Source" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "ImportItem_factCheckId_idx" ON "ImportItem"("factCheckId");

-- AddForeignKey
ALTER TABLE "ImportItem" ADD CONSTRAINT "ImportItem_factCheckId_fkey" FOREIGN KEY ("factCheckId") REFERENCES "FactCheck"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimLink" ADD CONSTRAINT "ClaimLink_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimLink" ADD CONSTRAINT "ClaimLink_linkedClaimId_fkey" FOREIGN KEY ("linkedClaimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimLink" ADD CONSTRAINT "ClaimLink_factCheckId_fkey" FOREIGN KEY ("factCheckId") REFERENCES "FactCheck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimLink" ADD CONSTRAINT "ClaimLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

