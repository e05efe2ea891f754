// What the parsers hand back: loose strings straight from the source, checked
// later (one item at a time) by toArticleInput against articleInputSchema.

export type RawArticle = {
  title?: string;
  text?: string;
  html?: string;
  sourceUrl?: string;
  author?: string;
  publisher?: string;
  /** ISO 8601 when the parser could read the date; as written otherwise, so validation can name it. */
  publishedAt?: string;
  language?: string;
};

export const RAW_ARTICLE_KEYS = ["title", "text", "html", "sourceUrl", "author", "publisher", "publishedAt", "language"] as const satisfies readonly (keyof RawArticle)[];

export type ParsedFeed = {
  title?: string;
  items: RawArticle[];
};
