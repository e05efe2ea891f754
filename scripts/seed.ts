// `npm run db:seed`: the demo accounts and the seed article (idempotent).
// Run with the react-server condition: the app's server modules import
// "server-only", which is an empty module under that condition.
import { seedDemo } from "@/seeds/demo";
import { prisma } from "@/lib/db";

seedDemo({ demoPassword: process.env.DEMO_PASSWORD || "verity-demo", log: (l) => console.log(`[verity] ${l}`) })
  .then(() => prisma.$disconnect())
  .catch(async (e) => {
    console.error(e);
    await prisma.$disconnect();
    process.exit(1);
  });
