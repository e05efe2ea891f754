import Link from "next/link";
import { formatDate } from "@/components/ui/format";

// Review pages say when the article's fact-check is already public, so an
// editor knows a decision here does not by itself change what readers see.

type Props = { slug: string; publishedAt: Date | null; deciding: boolean };

export function ArticleLiveNotice({ slug, publishedAt, deciding }: Props) {
  return (
    <div className="rounded border border-blue-300 bg-blue-50 px-3 py-2 text-sm text-blue-950">
      <p>
        <strong>This article is published</strong>
        {publishedAt ? ` (last published ${formatDate(publishedAt)})` : ""}.{" "}
        {deciding ? "Approving this claim does not change the public page until an editor updates the publication." : "Changes to this claim reach the public page only when an editor updates the publication."}
      </p>
      <p className="mt-1"><Link href={`/fact-checks/${slug}`} className="font-medium text-blue-800 underline">View the public page</Link></p>
    </div>
  );
}
