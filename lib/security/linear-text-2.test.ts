// The other half of linear-text.test.ts's table (see there).
import { linearTextSuite } from "./linear-text-suite";

linearTextSuite(1, 2);
