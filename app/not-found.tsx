import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-12 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-2 text-slate-600">There is nothing at this address. It may have been moved, unpublished or never existed.</p>
      <p className="mt-6"><Link href="/" className="font-medium text-blue-700 hover:underline">Go to the dashboard</Link></p>
    </div>
  );
}
