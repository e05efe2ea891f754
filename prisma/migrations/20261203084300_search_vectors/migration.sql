-- Full-text search: what Prisma cannot express. Hand-written (the previous
-- migration, generated, adds the tsvector columns and their GIN indexes).
--
-- Words are matched without accents or case and by stem in the article's
-- language when PostgreSQL has a Snowball stemmer for it, else as written
-- ("simple"). Each language gets a configuration "verity_<language>" that runs
-- unaccent before the stemmer, so ts_headline can mark the original, accented
-- text while "São Paulo" and "Sao Paulo" match.
CREATE EXTENSION IF NOT EXISTS unaccent;

DO $$
DECLARE
  lang text;
BEGIN
  FOREACH lang IN ARRAY ARRAY['arabic','armenian','basque','catalan','danish','dutch','english','finnish','french',
    'german','greek','hindi','hungarian','indonesian','irish','italian','lithuanian','nepali','norwegian',
    'portuguese','romanian','russian','serbian','spanish','swedish','tamil','turkish','yiddish'] LOOP
    IF EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = lang AND cfgnamespace = 'pg_catalog'::regnamespace) THEN
      EXECUTE format('CREATE TEXT SEARCH CONFIGURATION public.%I (COPY = pg_catalog.%I)', 'verity_' || lang, lang);
      EXECUTE format('ALTER TEXT SEARCH CONFIGURATION public.%I ALTER MAPPING FOR hword, hword_part, word WITH unaccent, %I',
        'verity_' || lang, lang || '_stem');
    END IF;
  END LOOP;
  CREATE TEXT SEARCH CONFIGURATION public.verity_simple (COPY = pg_catalog.simple);
  ALTER TEXT SEARCH CONFIGURATION public.verity_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
END
$$;

-- The configuration for a language tag ("en", "pt-BR", "fr"): by its primary
-- subtag; anything else, or no language, is "simple".
CREATE FUNCTION verity_ts_config(lang text) RETURNS regconfig
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  name text := CASE lower(split_part(coalesce(lang, ''), '-', 1))
    WHEN 'ar' THEN 'arabic' WHEN 'hy' THEN 'armenian' WHEN 'eu' THEN 'basque' WHEN 'ca' THEN 'catalan'
    WHEN 'da' THEN 'danish' WHEN 'nl' THEN 'dutch' WHEN 'en' THEN 'english' WHEN 'fi' THEN 'finnish'
    WHEN 'fr' THEN 'french' WHEN 'de' THEN 'german' WHEN 'el' THEN 'greek' WHEN 'hi' THEN 'hindi'
    WHEN 'hu' THEN 'hungarian' WHEN 'id' THEN 'indonesian' WHEN 'ga' THEN 'irish' WHEN 'it' THEN 'italian'
    WHEN 'lt' THEN 'lithuanian' WHEN 'ne' THEN 'nepali' WHEN 'no' THEN 'norwegian' WHEN 'nb' THEN 'norwegian'
    WHEN 'nn' THEN 'norwegian' WHEN 'pt' THEN 'portuguese' WHEN 'ro' THEN 'romanian' WHEN 'ru' THEN 'russian'
    WHEN 'sr' THEN 'serbian' WHEN 'es' THEN 'spanish' WHEN 'sv' THEN 'swedish' WHEN 'ta' THEN 'tamil'
    WHEN 'tr' THEN 'turkish' WHEN 'yi' THEN 'yiddish' ELSE 'simple' END;
  cfg regconfig;
BEGIN
  SELECT oid::regconfig INTO cfg FROM pg_ts_config WHERE cfgname = 'verity_' || name LIMIT 1;
  RETURN coalesce(cfg, 'verity_simple'::regconfig);
END
$$;

-- URL words: "https://www.bbc.co.uk/news/x-y" -> "www bbc co uk news x y".
CREATE FUNCTION verity_url_words(url text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(regexp_replace(coalesce(url, ''), '^[a-zA-Z][a-zA-Z0-9+.-]*://', ''), '[^[:alnum:]]+', ' ', 'g')
$$;

CREATE FUNCTION "Article_search_vector"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cfg regconfig := verity_ts_config(NEW."language");
BEGIN
  NEW."searchVector" := setweight(to_tsvector(cfg, coalesce(NEW."title", '')), 'A')
    || setweight(to_tsvector(cfg, coalesce(NEW."text", '')), 'D');
  RETURN NEW;
END
$$;
CREATE TRIGGER "Article_search_vector" BEFORE INSERT OR UPDATE OF "title", "text", "language" ON "Article"
  FOR EACH ROW EXECUTE FUNCTION "Article_search_vector"();

CREATE FUNCTION verity_claim_vector(cfg regconfig, claim_text text, exact text, rationale text) RETURNS tsvector
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector(cfg, coalesce(claim_text, '')), 'A')
    || setweight(to_tsvector(cfg, coalesce(exact, '')), 'B')
    || setweight(to_tsvector(cfg, coalesce(rationale, '')), 'B')
$$;

CREATE FUNCTION verity_source_vector(cfg regconfig, title text, publisher text, url text) RETURNS tsvector
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector(cfg, coalesce(title, '')), 'C')
    || setweight(to_tsvector(cfg, coalesce(publisher, '')), 'D')
    || setweight(to_tsvector('verity_simple', verity_url_words(url)), 'D')
$$;

CREATE FUNCTION "Claim_search_vector"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := verity_claim_vector(
    verity_ts_config((SELECT a."language" FROM "Article" a WHERE a."id" = NEW."articleId")),
    NEW."claimText", NEW."exact", NEW."rationale");
  RETURN NEW;
END
$$;
CREATE TRIGGER "Claim_search_vector" BEFORE INSERT OR UPDATE OF "claimText", "exact", "rationale", "articleId" ON "Claim"
  FOR EACH ROW EXECUTE FUNCTION "Claim_search_vector"();

CREATE FUNCTION "Source_search_vector"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := verity_source_vector(
    verity_ts_config((SELECT a."language" FROM "Claim" c JOIN "Article" a ON a."id" = c."articleId" WHERE c."id" = NEW."claimId")),
    NEW."title", NEW."publisher", NEW."url");
  RETURN NEW;
END
$$;
CREATE TRIGGER "Source_search_vector" BEFORE INSERT OR UPDATE OF "title", "publisher", "url", "claimId" ON "Source"
  FOR EACH ROW EXECUTE FUNCTION "Source_search_vector"();

CREATE FUNCTION "FactCheck_search_vector"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cfg regconfig := verity_ts_config(NEW."language");
BEGIN
  NEW."searchVector" := setweight(to_tsvector(cfg, coalesce(NEW."claimReviewed", '')), 'A')
    || setweight(to_tsvector(cfg, coalesce(NEW."title", '')), 'A')
    || setweight(to_tsvector(cfg, coalesce(NEW."claimant", '')), 'C')
    || setweight(to_tsvector(cfg, coalesce(NEW."publisher", '')), 'C');
  RETURN NEW;
END
$$;
CREATE TRIGGER "FactCheck_search_vector" BEFORE INSERT OR UPDATE OF "claimReviewed", "title", "claimant", "publisher", "language" ON "FactCheck"
  FOR EACH ROW EXECUTE FUNCTION "FactCheck_search_vector"();

-- An article's language decides how its claims and sources are stemmed.
CREATE FUNCTION "Article_language_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cfg regconfig := verity_ts_config(NEW."language");
BEGIN
  UPDATE "Claim" c SET "searchVector" = verity_claim_vector(cfg, c."claimText", c."exact", c."rationale")
    WHERE c."articleId" = NEW."id";
  UPDATE "Source" s SET "searchVector" = verity_source_vector(cfg, s."title", s."publisher", s."url")
    FROM "Claim" c WHERE s."claimId" = c."id" AND c."articleId" = NEW."id";
  RETURN NULL;
END
$$;
CREATE TRIGGER "Article_language_changed" AFTER UPDATE OF "language" ON "Article"
  FOR EACH ROW WHEN (OLD."language" IS DISTINCT FROM NEW."language")
  EXECUTE FUNCTION "Article_language_changed"();

-- Existing rows.
UPDATE "Article" SET "title" = "title";
UPDATE "Claim" SET "claimText" = "claimText";
UPDATE "Source" SET "title" = "title";

-- A link has exactly one target and never points a claim at itself. A pair of
-- claims is stored once, whichever side made it: the trigger puts the smaller
-- id first, so the unique (claimId, linkedClaimId) index sees both orders.
-- (A trigger rather than CHECK constraints, which schema.prisma cannot express.)
CREATE FUNCTION "ClaimLink_check"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  other text;
BEGIN
  IF (NEW."linkedClaimId" IS NULL) = (NEW."factCheckId" IS NULL) THEN
    RAISE EXCEPTION 'a claim link needs exactly one of linkedClaimId and factCheckId' USING ERRCODE = '23514';
  END IF;
  IF NEW."linkedClaimId" = NEW."claimId" THEN
    RAISE EXCEPTION 'a claim cannot be linked to itself' USING ERRCODE = '23514';
  END IF;
  IF NEW."linkedClaimId" < NEW."claimId" THEN
    other := NEW."claimId";
    NEW."claimId" := NEW."linkedClaimId";
    NEW."linkedClaimId" := other;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "ClaimLink_check" BEFORE INSERT OR UPDATE ON "ClaimLink"
  FOR EACH ROW EXECUTE FUNCTION "ClaimLink_check"();
