import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-lg py-12 text-center">
      <h1 className="text-2xl font-bold">You do not have access to this page</h1>
      <p className="mt-2 text-slate-600">Your role does not allow this. Ask an administrator if you need it.</p>
      <p className="mt-6"><Link href="/" className="font-medium text-blue-700 hover:underline">Go to the dashboard</Link></p>
    </div>
  );
}
