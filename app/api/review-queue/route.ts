import { route } from "@/lib/http";
import { listReviewQueue } from "@/lib/reviews/data";
import { reviewQueueQuerySchema } from "@/lib/reviews/schema";

export const GET = route({ can: "review-queue:read", query: reviewQueueQuerySchema }, async ({ query }) => {
  const { items, total, page, pageSize } = await listReviewQueue(query);
  return { items, total, page, pageSize };
});
