/** How long the one-time link that creates an install's first admin works. */
export const SETUP_LINK_HOURS = 24;
