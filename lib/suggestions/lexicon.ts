// Word lists behind the named features. Each is one case-insensitive regex whose match
// is the reason's trigger phrase, so a reviewer sees exactly which words fired.
const words = (list: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${list})(?![\\p{L}\\p{N}])`, "giu");

const SCALE = "hundred|thousand|million|billion|trillion|dozens?|hundreds|thousands|millions|billions";
export const NUMBER = new RegExp(`(?<![\\p{L}\\p{N}])(?:\\d(?:[\\d,.]*\\d)?(?:\\s?(?:${SCALE}))?|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|many)\\s(?:${SCALE})|${SCALE})(?![\\p{L}])`, "giu");
export const PERCENTAGE = new RegExp(`(?<![\\p{L}\\p{N}])\\d(?:[\\d,.]*\\d)?\\s?(?:%|percent(?:age points?)?|per cent)|(?<![\\p{L}])(?:percent|per cent|percentage points?)(?![\\p{L}])|\\d\\s?%`, "giu");
export const MONEY = new RegExp(`[$€£¥]\\s?\\d(?:[\\d,.]*\\d)?(?:\\s?(?:${SCALE}|[mbk]n?)(?![\\p{L}]))?|(?<![\\p{L}\\p{N}])\\d(?:[\\d,.]*\\d)?(?:\\s(?:${SCALE}))?\\s(?:dollars|euros|pounds|cents|yen|yuan|rubles|rupees)(?![\\p{L}])|(?<![\\p{L}])(?:dollars|euros|taxpayer money|budget|deficit|debt|GDP)(?![\\p{L}])`, "giu");
/** Digits, scale words and "%": the signals that are the same in most languages (used for non-English text). */
export const NEUTRAL_NUMBER = /\p{N}+(?:[.,]\p{N}+)*/gu;
export const NEUTRAL_PERCENT = /\p{N}+(?:[.,]\p{N}+)*\s?%|%\s?\p{N}+/gu;
export const NEUTRAL_MONEY = /[$€£¥₹₽]\s?\p{N}|\p{N}\s?[$€£¥₹₽]/gu;

export const COMPARISON_THAN = words("(?:more|less|fewer|greater|higher|lower|larger|smaller|bigger|better|worse|faster|slower|cheaper|richer|poorer|stronger|weaker|older|younger|longer|shorter)\\s+(?:\\p{L}+\\s+){0,3}?than|as\\s+(?:much|many|high|low|large|big)\\s+as|twice\\s+as|compared\\s+(?:to|with)");
export const SUPERLATIVE_WORD = words("most|least|best|worst|highest|lowest|largest|biggest|smallest|greatest|fastest|slowest|richest|poorest|strongest|weakest|deadliest|record|all-time|ever|number one|first-ever");
export const ATTRIBUTION = words("said|says|say|told|tells|according to|reported|reports|claimed|claims|stated|states that|announced|noted|insisted|argued|wrote|tweeted|testified|confirmed|denied|admitted|estimated|found that|find that|shows that|showed that|show that|study|studies|survey|poll|polls|data|report");
export const NEGATION = words("not|no|never|nobody|none|nothing|neither|nor|without|n't|cannot|\\p{L}+n['’]t");
export const HEDGE = words("may|might|could|perhaps|possibly|probably|likely|unlikely|reportedly|allegedly|apparently|seems?|seemed|suggests?|believed|supposedly|about|around|roughly|nearly|almost|approximately|some");
export const CAUSAL = words("because of|because|caused|causes|cause|causing|due to|led to|leads to|lead to|result of|as a result|resulted in|results in|thanks to|responsible for|blamed|blames|so that|therefore|consequently");
export const ABSOLUTE = words("always|never|every|everyone|everybody|all|nobody|only|entire|entirely|whole|totally|completely|no one|none");
export const TREND = words("increase|increased|increases|increasing|decrease|decreased|decreases|rose|risen|rising|rise|fell|fallen|falling|drop|dropped|grew|grown|growing|growth|doubled|tripled|quadrupled|halved|cut|cuts|raised|lowered|declined|decline|surged|soared|plunged|jumped|lost|gained|went up|went down|gone up|gone down|skyrocketed");
export const FIRST_PERSON = words("i|me|my|i['’]m|i['’]ve|i['’]ll");
export const WE = words("we|our|us|we['’]re|we['’]ve|we['’]ll");
export const YOU = words("you|your|you['’]re|you['’]ve");
export const FUTURE = words("will|won['’]t|going to|gonna|\\p{L}+['’]ll");
/** Words that tie a date to a claim of novelty or duration ("the first since 2007"). */
export const DATE_CUE = words("first|latest|since|never before|most recent|last time|for the first time|ever since|record");
export const PREPOSITION_BEFORE_DATE = /(?:^|[^\p{L}])((?:back in|as of|in|on|since|from|until|till|by|before|after|during|around|circa))\s+$/iu;
