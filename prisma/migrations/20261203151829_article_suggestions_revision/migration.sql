-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "suggestionsRevision" INTEGER;

