// Real and realistic prose for the anchoring tests and benchmark. Tests must not
// read files outside the module, so the seed article is embedded verbatim.

/** seeds/iran-cyber-attacks-2019.txt, one entry per line, verbatim. */
export const IRAN_LINES: readonly string[] = [
  "Friday 22 November 2019",
  "News ID: 67390",
  "Publish Date: 24 June 2019 - 21:57",
  "TEHRAN (Dispatches) -- Iran said on Monday U.S. cyber terrorist attacks on its military had failed, as Washington sought to rally support in the Middle East and Europe for a hardline stance against Tehran.",
  "The confrontation has escalated since May, when Washington sharply tightened economic sanctions on Iran, ordering all countries to halt imports of Iranian oil, in what the Trump administration says is an effort to force Tehran to open talks on its nuclear and missile programs and influential regional role.",
  "The United States is expected to announce another round of new sanctions this week.",
  "U.S. media have reported that Washington launched cyber attacks last week. The Washington Post said on Saturday that the cyber strikes, which had been planned previously, had disabled Iranian rocket launch systems. U.S. officials have declined to comment.",
  "\"They try hard, but have not carried out a successful attack,” Muhammad Javad Azari Jahromi, Iran’s minister for information and communications technology, said on Twitter.",
  "\"Media asked if the claimed cyber attacks against Iran are true,” he said. \"Last year we neutralized 33 million attacks with the (national) firewall.”",
  "\"We have been facing cyber-terrorism for a long time...Last year we neutralized 33 million attacks with the (national) firewall,\" Jahromi noted.",
  "The attacks came shortly after the Islamic Revolution Guards Corps (IRGC) shot down a U.S. Navy RQ-4A global Hawk drone that had entered Iranian airspace in the Persian Gulf region to gather intelligence.",
  "Azari Jahromi called attacks on Iranian computer networks \"cyber-terrorism\", referring to Stuxnet, the first publicly known example of a virus used to attack industrial machinery, which targeted Iran's nuclear facilities in November 2007.",
  "Stuxnet, widely believed to have been developed by the United States and the occupying regime of Israel, was discovered in 2010 after it was used to attack a uranium enrichment facility in the Iranian city of Natanz.",
  "U.S. Secretary of State Mike Pompeo jetted to the Middle East to discuss Iran with the leaders of Saudi Arabia and the United Arab Emirates, two Persian Gulf Arab allies that favor a hard line. Pompeo met King Salman as well as the king’s son, de facto ruler Crown Prince Muhammad bin Salman.",
  "Pompeo said ahead of the trip that he sought to build a \"global coalition” against Iran and planned to discuss the available options with his counterparts in Saudi Arabia and the United Arab Emirates.",
  "On Monday, Iran’s Foreign Ministry spokesman dismissed the attempts, saying such measures are destined to fail. \"The push to form a coalition against Iran is nothing new; these coalitions have failed so far” Mousavi told reporters during regular weekly news briefing.",
  "\"Iran is a powerful country neighboring 15 other nations; therefore, forming a coalition against Iran is difficult and they will fail even if they travel to the region every day,” the spokesman said.",
  "The U.S. special representative for Iran, Brian Hook, visited Oman and was headed to Europe to explain U.S. policy to allies. He told European reporters on a phone call ahead of his arrival that President Donald Trump was willing to sit down with Iran.",
  "Mousavi dismissed those overtures as he hit out at contradictory American remarks, which he said, indicate a divide among U.S. government officials.",
  "Throughout the recent crisis, Trump has wavered between bellicose language and actions toward Iran and a more accommodating tone, including an offer for negotiations. Iran has said it is not interested in a dialogue with Trump.",
  "\"Sometimes they list conditions and sometimes they remove those conditions. That is why we do not bother with overtures, nor do we count on them. Practical action is what matters to us,\" Mousavi said.",
  "The spokesman reiterated Tehran’s support for de-escalating tensions in the Persian Gulf region.",
  "\"Despite the ongoing pressures and rhetoric, diplomacy continues and diplomatic initiatives, either from Iran or from regional and trans-regional countries, are underway to reduce tensions in the region,” he said.",
  "U.S.-Iran relations have deteriorated over the past year since the United States abandoned a 2015 agreement between Iran and world powers designed to curb Iran’s nuclear program in return for the lifting of sanctions.",
  "",
  "* Comment:",
];

export const IRAN_ARTICLE = IRAN_LINES.join("\n");

/** A short Russian news item (written for these tests), with «guillemets» and dashes. */
export const RUSSIAN_ARTICLE = [
  "МОСКВА, 12 марта — Городские власти объявили о начале масштабной реконструкции трамвайной сети.",
  "По словам заместителя мэра, «первые новые вагоны выйдут на линию уже осенью этого года».",
  "Эксперты отмечают, что стоимость проекта превышает 40 миллиардов рублей — это вдвое больше первоначальной оценки.",
  "Жители северных районов давно жаловались на старые вагоны. «Мы ждали этого десять лет», — сказала пенсионерка Анна Петрова.",
  "Городские власти объявили, что работы завершатся к 2027 году.",
].join("\n");

/** A short Japanese news item (written for these tests). */
export const JAPANESE_ARTICLE = [
  "東京都は十日、新しい防災計画を発表した。",
  "計画によると、首都直下地震が発生した場合、最大で六千人以上が死亡する恐れがあるという。",
  "都は避難所の数を増やし、食料や水の備蓄を強化する方針だ。",
  "専門家は「住民一人ひとりの備えが何より重要だ」と指摘している。",
].join("\n");

/**
 * Emoji (surrogate pairs, ZWJ sequences, flags) and decomposed accents
 * (e + U+0301) so UTF-16 offsets differ from code point and grapheme counts.
 */
export const EMOJI_ARTICLE = [
  "Cafe\u0301 owners in Montre\u0301al \u{1F1E8}\u{1F1E6} say business is booming \u{1F525} this winter.",
  "\u{1F469}\u200D\u{1F4BB} Developers flocked to the new co-working space near the old port.",
  "The mayor, Vale\u0301rie Plante, called it \u201Ca turning point for the neighbourhood\u201D \u{1F389}.",
  "Critics say rents have risen 30 per cent since the re\u0301novation began \u{1F4C8}.",
].join("\n");
