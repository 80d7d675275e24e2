// English stop words for the text → topics matrix: function words (articles, pronouns,
// prepositions, conjunctions, auxiliaries, common adverbs, quantifiers, number words) and
// contractions ("don't", "it's"). Written for the project; lower case, as the tokenizer emits them.

const WORDS = `
a about above across after afterwards again against ago all almost alone along already also although always am among
amongst an and another any anybody anyhow anyone anything anyway anywhere are aren't around as at away
back be became because become becomes becoming been before beforehand behind being below beside besides between beyond
both but by
can can't cannot could couldn't
did didn't do does doesn't doing don't done down during
each either else elsewhere enough etc even ever every everybody everyone everything everywhere except
few fewer first for former formerly from further furthermore
get gets getting give given gives go goes going gone got
had hadn't has hasn't have haven't having he he'd he'll he's hence her here here's hereby herein hers herself him
himself his how how's however
i i'd i'll i'm i've ie if in indeed instead into is isn't it it'd it'll it's its itself
just
keep keeps kept
last latter latterly least less let let's like likely
made make makes making many may maybe me meanwhile might mine more moreover most mostly much must mustn't my myself
namely neither never nevertheless next no nobody none nor not nothing now nowhere
of off often on once one ones only onto or other others otherwise ought our ours ourselves out over own
per perhaps please put
quite
rather really
said same say says see seem seemed seeming seems seen several shall shan't she she'd she'll she's should shouldn't
since so some somebody somehow someone something sometime sometimes somewhere soon still such
take taken takes than that that's the their theirs them themselves then thence there there's thereafter thereby
therefore therein these they they'd they'll they're they've thing things this those though through throughout thru
thus to together too toward towards
under until up upon us use used uses using usually
very via
was wasn't way we we'd we'll we're we've well were weren't what what's whatever when when's whence whenever where
where's whereas whereby wherein whereupon wherever whether which while whither who who's whoever whole whom whose why
why's will with within without won't would wouldn't
yes yet you you'd you'll you're you've your yours yourself yourselves
two three four five six seven eight nine ten eleven twelve twenty hundred thousand
`;

/** Lower-case English stop words (374), with straight apostrophes ("don't"), as the tokenizer emits them. */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((w) => w !== ''));
