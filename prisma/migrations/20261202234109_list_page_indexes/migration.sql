-- CreateIndex
CREATE INDEX "Claim_status_articleId_submittedAt_idx" ON "Claim"("status", "articleId", "submittedAt");

-- CreateIndex
CREATE INDEX "Claim_verdict_status_idx" ON "Claim"("verdict", "status");

