//! Table-driven: a short article, and the events it must give as "SRC TGT CODE" (countries or
//! organizations), in any order.

use crate::clean::Context;
use crate::document::{Event, EventActor};
use crate::ingest;
use crate::pipeline;

const CASES: &[(&str, &[&str])] = &[
    (
        "March 22, 2022\n\nJapan imposed sanctions on Russia on Tuesday over the war, officials said in a statement.",
        &["JPN RUS 163"],
    ),
    (
        "March 22, 2022\n\nRussia's invasion of Ukraine shook the order, Kishida said.",
        &["RUS UKR 190"],
    ),
    (
        "March 22, 2022\n\nUkraine was invaded by Russia last month, and the war has since spread to the east of the country.",
        &["RUS UKR 190"],
    ),
    // A territory undergoes the passive: the agent took it, "from" whom.
    (
        "March 22, 2022\n\nThe islands, known as the Northern Territories in Japan, were seized by the former Soviet Union from Japan at the end of World War II.",
        &["SUN JPN 192"],
    ),
    // A noun after "over" is the background: Tokyo annexed nothing.
    (
        "June 15, 2016\n\nThe United States has urged Tokyo to stay in step with sanctions on Russia over the annexation of Crimea.",
        &["USA JPN 020"],
    ),
    // What is protested "against" was done by someone else: the shelling is not Kenya's.
    (
        "May 9, 2023\n\nKenya's foreign ministry summoned Somalia's ambassador on Tuesday to protest against the shelling of border villages, officials said.",
        &["KEN SOM 114"],
    ),
    // A call between the sides the subject names.
    (
        "June 17, 2020\n\nThe foreign ministers of India and China spoke by phone on Wednesday.",
        &["IND CHN 041"],
    ),
    // Military aid by the kind of arms sent; not when the arms are sent to attack, nor is
    // a deploying state's own troops its target.
    (
        "March 1, 2023\n\nGermany sent Leopard tanks to Ukraine on Wednesday.",
        &["DEU UKR 072"],
    ),
    (
        "March 1, 2023\n\nRussia sent drones to attack Kyiv on Monday, officials in the city said.",
        &[],
    ),
    (
        "March 1, 2023\n\nIndia deployed additional troops to the border on Monday, officials said.",
        &[],
    ),
    // Talks cut off are talks reduced, not held; an offensive of arms is force, a charm
    // offensive none; fire exchanged with someone is force.
    (
        "June 1, 2023\n\nChina cut off military talks with the United States on Friday.",
        &["CHN USA 164"],
    ),
    (
        "June 1, 2023\n\nRussia launched a military offensive in eastern Ukraine on Monday.",
        &["RUS UKR 190"],
    ),
    (
        "June 1, 2023\n\nChina launched a charm offensive in Vietnam on Monday, officials said.",
        &[],
    ),
    (
        "June 1, 2023\n\nIndian troops exchanged fire with Pakistani soldiers along the border on Sunday.",
        &["IND PAK 190"],
    ),
    (
        "June 1, 2023\n\nThe US blacklisted Chinese chipmaker SMIC on Friday, officials said.",
        &["USA CHN 163"],
    ),
    // The tagger reads "shot" after a name as the noun: there it is the name's verb.
    (
        "June 20, 2019\n\nIran shot down a US drone on Thursday, officials said.",
        &["IRN USA 195"],
    ),
    // A state strikes too when what it hits is a target, or what it hits with is a weapon;
    // a deal struck is none.
    (
        "June 1, 2023\n\nIsrael struck Hamas targets in Gaza on Sunday, officials said.",
        &["ISR PSE 190"],
    ),
    (
        "June 1, 2023\n\nRussia hit Ukrainian power plants with missiles on Monday, officials said.",
        &["RUS UKR 195"],
    ),
    // Bans and embargoes imposed, imports halted; an ambassador ordered out; ties restored
    // between the sides the subject names.
    (
        "June 1, 2023\n\nThe European Union imposed a ban on Russian oil imports on Friday.",
        &["EU RUS 163"],
    ),
    (
        "June 1, 2023\n\nChina halted imports of Japanese seafood on Thursday, officials said.",
        &["CHN JPN 163"],
    ),
    (
        "June 1, 2023\n\nEthiopia and Eritrea restored diplomatic ties on Monday, officials said.",
        &["ETH ERI 051"],
    ),
    // Backing a bid endorses it.
    (
        "June 1, 2023\n\nFrance backed India's bid for a permanent seat on the Security Council on Monday.",
        &["FRA IND 051"],
    ),
    // The first word of a longer name is a place only when the place is well known: "Kabul
    // Airport" is in Kabul, "Pan Am" is no town of Myanmar.
    (
        "June 1, 2023\n\nRebels attacked Kabul Airport on Monday, officials said.",
        &[" AFG 190"],
    ),
    (
        "June 1, 2023\n\nMilitants attacked a Pan Am jet on Monday, officials said.",
        &[],
    ),
    // One actor named: the other side is a place, a territory, the source's government or
    // one the article names elsewhere (sentences with one actor are parsed only for these).
    (
        "March 22, 2022\n\nRussian troops shelled Aleppo on Tuesday for the third day running.\n\nThe shelling went on for six hours.",
        &["RUS SYR 194"],
    ),
    (
        "March 1, 2014\n\nRussia seized Crimea on Friday after weeks of unrest in the peninsula's capital.",
        &["RUS UKR 192"],
    ),
    (
        "March 22, 2022\n\nRwandan rebels demanded the removal of the president on Monday.",
        &["RWA RWA 100"],
    ),
    (
        "April 14, 2023\n\nLula met Xi Jinping on Friday. Lula's visit included a dinner.",
        &["BRA CHN 040", "BRA CHN 042"],
    ),
    (
        "September 3, 2014\n\nVladimir Putin held talks with Mongolian President Tsakhia Elbegdorj in Ulan Bator.",
        &["RUS MNG 040"],
    ),
    (
        "March 22, 2022\n\nVice Foreign Minister Takeo Mori urged Russia to withdraw its troops from Ukraine.",
        &["JPN RUS 106"],
    ),
    // A judgement of a decision: the long gap of "call {T} ** a heavy blow".
    (
        "September 4, 2024\n\nA Ukrainian foreign ministry spokesman called Mongolia's decision not to arrest Mr Putin \"a heavy blow\" to the court.",
        &["UKR MNG 111"],
    ),
    // Compound subjects, pairs, and the other side of talks named later.
    (
        "March 22, 2022\n\nRussia and China held talks with Japan in Tokyo on Monday about the fishing quotas.",
        &["RUS JPN 040", "CHN JPN 040"],
    ),
    (
        "March 22, 2022\n\nThe two countries held talks on Monday, and the meeting went on for six hours.\n\nEarlier, Japan said it wanted Russia to return the islands.",
        &["JPN RUS 025"],
    ),
    // A relative pronoun stands for the noun before it, however the parse hangs its clause:
    // Saddam Hussein invited no one.
    (
        "March 22, 2022\n\nSaddam Hussein called on Arabs to rise up in a holy war against leaders who invited American soldiers into Saudi Arabia.",
        &[],
    ),
    // Territory as target; a reduced relative's agent is the source.
    (
        "August 30, 2014\n\nThe Soviet Union seized the Kuril Islands in August 1945, at the end of the war in the Pacific.",
        &["SUN JPN 192"],
    ),
    (
        "March 22, 2022\n\nThey met in Crimea, a region occupied by Russia since 2014, as the talks went on.",
        &["RUS UKR 192"],
    ),
    // Negated and hypothetical events are kept, flagged; here both are dropped from the list
    // the test compares (see `asserted`).
    (
        "March 22, 2022\n\nJapan did not impose sanctions on China this week, a spokesman said in Tokyo.",
        &[],
    ),
    (
        "March 22, 2022\n\nJapan could impose sanctions on China next month, officials warned in Tokyo.",
        &[],
    ),
    // A verb's pattern on an adjective is no event: "free" ports and shots free no one.
    (
        "March 22, 2022\n\nJordan would close the last free port to Iraqi trade, Jordanian officials said.",
        &[],
    ),
    // A date between the words of a pattern; the target further on in the clause.
    (
        "March 22, 2022\n\nIran threatened on Monday to cut off electricity to the Azerbaijani government.",
        &["IRN AZE 1311"],
    ),
    // "A and the B" is one compound subject of a mutual event.
    (
        "March 22, 2022\n\nIsrael and the Palestinians reached an agreement on water on Monday.",
        &["ISR PSE 030"],
    ),
    // A state after the pattern's closing preposition is its target, not a place.
    (
        "March 22, 2022\n\nJapan halted economic aid to Serbia on Tuesday.",
        &["JPN SRB 1621"],
    ),
    // What is demanded, and what is only wanted ("sought to"), has not been done.
    (
        "March 22, 2022\n\nChina demanded that the United States lift its sanctions on Iran.",
        &["CHN USA 100"],
    ),
    (
        "March 22, 2022\n\nJapan sought to impose sanctions on Russia, but Germany decided to impose sanctions on Russia.",
        &["DEU RUS 163"],
    ),
    // The visitor named after the visit.
    (
        "March 22, 2022\n\nThey discussed a visit to Japan by President Vladimir Putin.",
        &["RUS JPN 042"],
    ),
    // Domestic events pass between a government and its own state or rebels.
    (
        "March 22, 2022\n\nThe Serbian government lifted the curfew in Montenegro on Sunday.",
        &["SRB MNE 0813"],
    ),
    // Read from the parse: the target inside the object ("Russian diplomats"), a passive's
    // coordinated agents, a state after "to" that is a side and not a destination, the agent of
    // an event noun as a verb's subject, a noun compound's head, a noun that is no verb.
    (
        "March 22, 2022\n\nNorway has expelled three Russian diplomats over spying, the foreign ministry said.",
        &["NOR RUS 174"],
    ),
    (
        "March 22, 2022\n\nThe treaty was signed by Chile and Peru on Monday.",
        &["CHL PER 057"],
    ),
    (
        "March 22, 2022\n\nJapan protested to China through diplomatic channels on Monday.",
        &["JPN CHN 114"],
    ),
    (
        "March 22, 2022\n\nA strike by Turkish drones killed two Syrian soldiers on Monday.",
        // Drones are the military's: their killing is military force.
        &["TUR SYR 190"],
    ),
    (
        "March 22, 2022\n\nThe foreign ministers of Peru and Chile held a telephone conversation on Monday.",
        &["PER CHL 041"], // either way round: the code is mutual
    ),
    (
        "March 22, 2022\n\nNorway launched a missile over Sweden on Monday.",
        &["NOR SWE 150"],
    ),
    (
        "March 22, 2022\n\nKenya cut off all contacts with Uganda on Monday.",
        &["KEN UGA 161"],
    ),
    (
        "March 22, 2022\n\nThe cancellation of talks to settle the dispute with Japan angered Russia.",
        &[],
    ),
    // What an infinitive only wants, and what is opposed, did not happen; "decided to" did.
    (
        "March 22, 2022\n\nIndia has opposed Western moves to widen sanctions on Iran, officials said.",
        &[],
    ),
    (
        "March 22, 2022\n\nJapan decided to impose sanctions on Russia on Monday, officials said.",
        &["JPN RUS 163"],
    ),
    // Who is condemned "for" an act did it; a noun's agent is the subject of its verb.
    (
        "March 22, 2022\n\nSouth Korea condemned North Korea for firing a missile over Japan on Monday.",
        &["KOR PRK 111", "PRK JPN 150"],
    ),
    // "The two countries" are the pair just named, not the pair the article names most.
    (
        "March 22, 2022\n\nJapan and Russia held talks in Moscow on Monday. Japan and Russia disagreed. Peru and Chile signed a trade pact on Tuesday. The two countries also agreed to hold a summit in Lima.",
        &["JPN RUS 040", "PER CHL 057", "PER CHL 030", "PER CHL 040"], // mutual codes: either way round; the agreed summit is planned
    ),
    // A news agency reports; it is never the one who acts.
    (
        "March 22, 2022\n\nThe Associated Press reported that the EU imposed sanctions on Belarus on Monday.",
        &["EU BLR 163"],
    ),
    // Two subjects that agree agree with each other, whatever their agreement is about.
    (
        "March 22, 2022\n\nJapan and the United States agreed to raise pressure on North Korea on Monday, officials said.",
        &["JPN USA 030"],
    ),
    // A reciprocal object makes each side the other's target.
    (
        "June 17, 2020\n\nIndia and China blamed each other for the violence on Monday, officials said.",
        &["CHN IND 112", "IND CHN 112"],
    ),
    // An opening quote does not part a slot from its actor.
    (
        "June 17, 2020\n\nChina demanded that \u{201c}India conduct a thorough investigation\u{201d}, officials in Beijing said.",
        &["CHN IND 100"],
    ),
    // A pronoun no mention resolves is nobody the clause around names; the pronoun of a
    // reported clause is the one who reports it.
    (
        "March 22, 2022\n\nSouth Korea protested to China on Monday after it fired a missile at Japan, officials said.",
        &["KOR CHN 114"],
    ),
    (
        "March 22, 2022\n\nThe Russian Foreign Ministry said that it would halt negotiations with Japan, officials said.",
        &["RUS JPN 134"],
    ),
    // Wounding is an assault; a verb's form after an article is a noun or an adjective ("the
    // wounded"): no event.
    (
        "March 22, 2022\n\nRebels in Mali wounded two French soldiers in an ambush on Monday, officials said.",
        &["MLI FRA 182"],
    ),
    (
        "March 22, 2022\n\nCroatia flew the wounded to hospitals in Slovenia on Friday, officials said.",
        &[],
    ),
    // A clause after the day of "said" is what was said, not a relative clause of the day.
    (
        "March 22, 2022\n\nKenya said on Friday it had suspended military aid to Somalia after the attack.",
        &["KEN SOM 1622"],
    ),
    // What a body agreed to do is planned, not only wanted; an act on the target is no
    // intention to cooperate with it.
    (
        "March 22, 2022\n\nThe EU agreed to impose sanctions on Belarus on Monday, officials said in Brussels.",
        &["EU BLR 163"],
    ),
    // An intention to use force is a threat of it; one to help stays an intention.
    (
        "March 22, 2022\n\nRussia is ready to attack Ukraine, officials said on Monday in Moscow.",
        &["RUS UKR 138"],
    ),
    (
        "March 22, 2022\n\nAzerbaijan wants to attack Armenia, officials in Yerevan said on Monday.",
        &["AZE ARM 138"],
    ),
    (
        "March 22, 2022\n\nRussia is ready to help Ukraine, officials said on Monday in Moscow.",
        &["RUS UKR 030"],
    ),
    // A city after "in" is the venue, never the target.
    (
        "March 22, 2022\n\nThe Chilean president spoke to the Peruvian president in Lima on Monday.",
        &["CHL PER 040"],
    ),
    // A modal of a reported clause: the speaker demands of, or appeals to, the clause's
    // subject, whichever side the report stands on; what is demanded is only wanted.
    (
        "March 22, 2022\n\nThe Chilean foreign ministry said on Monday that Peru must withdraw its troops from the border.",
        &["CHL PER 100"],
    ),
    (
        "March 22, 2022\n\nPeru must return the disputed islands to Chile, the Chilean foreign minister told reporters.",
        &["CHL PER 100"],
    ),
    (
        "March 22, 2022\n\nNorway said Canada and Chile should join the fishing agreement.",
        &["NOR CAN 020", "NOR CHL 020"],
    ),
    // A modal no reporting verb reports, or the speaker's own state: no demand.
    (
        "March 22, 2022\n\nPeru must decide soon whether it will attend the summit in Chile.",
        &[],
    ),
    (
        "March 22, 2022\n\nThe Chilean president said Chile must strengthen its navy.",
        &[],
    ),
    (
        "March 22, 2022\n\nChilean rebels said Chile must hold new elections.",
        &["CHL CHL 100"],
    ),
    // A noun coordinated with the object is the subject's act too.
    (
        "March 22, 2022\n\nThe Chilean government announced asset freezes and bans on travel to Chile against four senior officers in the Peruvian military, as well as economic sanctions against five more of Peru's arms makers.",
        &["CHL PER 163"],
    ),
    // In the passive the target's slot is the subject, and "by" names the source.
    (
        "March 22, 2022\n\nPeru was accused by Chile of arming the rebels.",
        &["CHL PER 112"],
    ),
    (
        "March 22, 2022\n\nBolivia was urged by the Chilean government to reopen the border.",
        &["CHL BOL 020"],
    ),
    (
        "March 22, 2022\n\nPeru was accused of arming the rebels.",
        &[],
    ),
    // A verb written with a capital inside a sentence is part of a name or a slogan.
    (
        "March 22, 2022\n\nChilean activists staged a protest in Lima, unfurling giant \"Free Peru\" banners.",
        &["CHL PER 141"],
    ),
    // A shifted object after "as ...": who did what it names is the target.
    (
        "March 22, 2022\n\nChile on Monday condemned as \"unacceptable\" allegations by Peru that it had armed the rebels.",
        &["CHL PER 111"],
    ),
    // Members named with "including" are sides too.
    (
        "March 22, 2022\n\nSeveral Andean states, including Peru and Bolivia, have expressed their support for Chile.",
        &["PER CHL 051", "BOL CHL 051"],
    ),
    (
        "March 22, 2022\n\nChile imposed sanctions on several states, including Peru and Bolivia.",
        &["CHL PER 163", "CHL BOL 163"],
    ),
    // A noun event with its own agent, the object of another's verb, was aimed at that verb's
    // subject.
    (
        "March 22, 2022\n\nThe Bolivian government ignored a Chilean ultimatum to withdraw its troops.",
        &["CHL BOL 139"],
    ),
    // Quotation marks between the words of a pattern do not part them.
    (
        "March 22, 2022\n\nThe Chilean president said his government found Peru \"culpable\" of the attack.",
        &["CHL PER 112"],
    ),
    // Who asked for an act appeals to its doer, and is no side of the act; an appeal to meet,
    // when a meeting was asked for.
    (
        "March 22, 2022\n\nThe UN Security Council will hold an emergency meeting on Tuesday at the request of Peru and Chile.",
        &["PER UNSC 026", "CHL UNSC 026"],
    ),
    (
        "March 22, 2022\n\nChile released the fishermen at the request of Peru, officials said.",
        &["PER CHL 020"],
    ),
    // A predicate of a reported clause that judges its subject: the speaker accuses or
    // criticizes the subject's actor; a judgment no one reports, or of no actor, is no event.
    (
        "March 22, 2022\n\nThe Peruvian foreign minister said Chile's government was culpable for the border incident.",
        &["PER CHL 112"],
    ),
    (
        "March 22, 2022\n\nThe Peruvian embassy warned on Monday that Chile's response was unacceptable.",
        &["PER CHL 111"],
    ),
    (
        "March 22, 2022\n\nThe Peruvian minister said the weather in Chile was unacceptable for fishing.",
        &[],
    ),
    (
        "March 22, 2022\n\nChile's decision was illegal and an unacceptable provocation.",
        &[],
    ),
    // A conflict act promised on a condition is a threat of it (data/events/threats.tsv); the
    // same act promised outright is planned, and an intention to do it a threat too.
    (
        "March 22, 2022\n\nPeru will impose sanctions on Chile if the talks fail, officials said.",
        &["PER CHL 1312"],
    ),
    (
        "March 22, 2022\n\nPeru said it would attack Chile unless Santiago withdrew its troops.",
        &["PER CHL 138"],
    ),
    (
        "March 22, 2022\n\nPeru vowed to blockade the port against Chilean ships.",
        &["PER CHL 1381"],
    ),
    // An act of cooperation said with "will" is the intention to do it (CAMEO 030's rule on
    // the future tense, data/events/intents.tsv), one of material conflict a threat (130's);
    // a schedule or a forecast keeps the act, as does what was agreed.
    (
        "March 22, 2022\n\nThe Peruvian foreign minister will visit Chile in June, officials said.",
        &["PER CHL 036"],
    ),
    (
        "March 22, 2022\n\nPeru said it would provide economic aid to Chile.",
        &["PER CHL 0331"],
    ),
    (
        "March 22, 2022\n\nThe Peruvian foreign minister is expected to visit Chile in June.",
        &["PER CHL 042"],
    ),
    (
        "March 22, 2022\n\nPeru agreed to impose sanctions on Chile on Monday.",
        &["PER CHL 163"],
    ),
    (
        "March 22, 2022\n\nPeru will impose sanctions on Chile, officials said.",
        &["PER CHL 1312"],
    ),
    // An expressive act in an infinitive of purpose is done by the act before it; a protest of
    // people outside the state's offices is a demonstration (14), a state's a complaint (114).
    (
        "March 22, 2022\n\nThousands of Peruvians gathered on Monday to protest the Chilean blockade.",
        &["PER CHL 141"],
    ),
    (
        "March 22, 2022\n\nPeruvian students protested against Chile's blockade on Monday.",
        &["PER CHL 141"],
    ),
    (
        "March 22, 2022\n\nPeru protested to Chile over the blockade on Monday.",
        &["PER CHL 114"],
    ),
    (
        "March 22, 2022\n\nPeruvian opposition leader Ana Ruiz protested to Chile on Monday.",
        &["PER CHL 114"],
    ),
    (
        "March 22, 2022\n\nPeru sent troops to the border to attack Chile.",
        &[],
    ),
    // What a state's challengers demand, criticize or reject of no one named is aimed at its
    // government; its own officials' demands of no one are no event.
    (
        "March 22, 2022\n\nPeruvian rebels demanded the resignation of the president on Monday.",
        &["PER PER 1041"],
    ),
    (
        "March 22, 2022\n\nChilean students criticized the new tuition law on Monday.",
        &["CHL CHL 111"],
    ),
    (
        "March 22, 2022\n\nPeruvian officials demanded an explanation on Monday.",
        &[],
    ),
    // A cut in aid with no actor named is aimed at the state of the place it names.
    (
        "March 22, 2022\n\nPeru suspended aid deliveries in Baghdad on Monday, officials said.",
        &["PER IRQ 1623"],
    ),
    // The parties a mediation is between are its targets; a mediator no one names makes none.
    (
        "March 22, 2022\n\nQatar undertook a mediation mission between Peru and Chile on Monday.",
        &["QAT CHL 045", "QAT PER 045"],
    ),
    (
        "March 22, 2022\n\nThe envoy undertook a mediation mission between Peru and Chile on Monday.",
        &[],
    ),
    // Vocabulary of the ninth session, in words of its own (data/events/patterns.tsv).
    (
        "March 22, 2022\n\nChile suspended air links with Peru on Monday, officials said.",
        &["CHL PER 163"],
    ),
    (
        "March 22, 2022\n\nBolivian rebels blew up a Chilean pipeline on Monday, officials said.",
        &["BOL CHL 1712"],
    ),
    (
        "March 22, 2022\n\nPeru tightened its naval blockade of Chile's ports on Monday.",
        &["PER CHL 191"],
    ),
    (
        "March 22, 2022\n\nA Chilean court ordered Peru's ambassador to appear on Monday, officials said.",
        &["CHL PER 100"],
    ),
    // A show of force with no object aimed at anyone is aimed at whom what it is for is against.
    (
        "March 22, 2022\n\nPeru mobilized army reservists for a possible war against Chile on Monday.",
        &["PER CHL 154"],
    ),
    // What is received "from" someone was given by them to the subject; a warrant is a charge.
    (
        "March 22, 2022\n\nPeru received weapons from Chile on Monday, officials said.",
        &["CHL PER 072"],
    ),
    (
        "March 22, 2022\n\nPeru issued an arrest warrant for the Chilean ambassador on Monday.",
        &["PER CHL 173"],
    ),
    (
        "March 22, 2022\n\nThe Peruvian president faces pressure from Chile to resign, officials said.",
        &["CHL PER 100"],
    ),
    (
        "March 22, 2022\n\nPeru advised its citizens against travel to Chile on Monday.",
        &["PER CHL 160"],
    ),
    // Standing by someone supports them; said with "would", it is the intention to (032).
    (
        "March 22, 2022\n\nPeru said it would stand by its ally Chile in the dispute.",
        &["PER CHL 032"],
    ),
    (
        "March 22, 2022\n\nPeru ordered its carriers to avoid Chilean airspace on Monday.",
        &["PER CHL 163"],
    ),
    // A visit named by a noun with no destination is to the one state the visitor meets in the
    // article; a cancelled one did not happen.
    (
        "March 22, 2022\n\nThe Peruvian president met Chilean President Gabriel Boric in Santiago on Friday. The Peruvian president's visit included a ceremony at the palace.",
        &["PER CHL 040", "PER CHL 042"],
    ),
    (
        "March 22, 2022\n\nThe cancellation of a visit to Chile by the Peruvian foreign minister was announced on Monday, officials said.",
        &[],
    ),
    // A release demanded of no one named is demanded of the state that arrested someone.
    (
        "March 22, 2022\n\nChilean police arrested Juan Perez, a Peruvian activist, in Santiago on Friday, officials said. Peru demanded the immediate release of Juan Perez on Saturday.",
        &["CHL PER 173", "PER CHL 1053"],
    ),
    // A judgment whose subject names no actor judges the predicate noun's own agent.
    (
        "March 22, 2022\n\nPeru said the launch was a clear violation by Chile of the treaty.",
        &["PER CHL 111"],
    ),
    // A warning of consequences is a threat to whoever the warned-of clause names.
    (
        "March 22, 2022\n\nPeru warned that Chile would face serious consequences, officials said.",
        &["PER CHL 130"],
    ),
    // Welcoming what someone did endorses it; welcoming a visitor hosts them.
    (
        "March 22, 2022\n\nPeru welcomed Chile's decision to reopen the border on Monday.",
        &["PER CHL 051"],
    ),
    (
        "March 22, 2022\n\nPeru welcomed the Chilean foreign minister in Lima on Monday.",
        &["PER CHL 043"],
    ),
    // "people" is a group that acts or is acted on, of the state a place gives it, else of none.
    (
        "March 22, 2022\n\nChilean troops killed 23 people on Monday, officials said.",
        &["CHL  190"],
    ),
    // An attempt is the act, as CAMEO codes "attempted to assassinate" (cues.tsv realizing).
    (
        "March 22, 2022\n\nPeruvian hackers tried to hack into Chilean government computers on Monday.",
        &["PER CHL 170"],
    ),
    (
        "March 22, 2022\n\nPeruvian police confiscated weapons from Chilean smugglers on Monday.",
        &["PER CHL 1711"],
    ),
    // An arrest by a state's forces of no one named falls on its people, as its measures do.
    (
        "March 22, 2022\n\nPeruvian police arrested twelve men on Monday, officials said.",
        &["PER PER 173"],
    ),
    // An intention to do an act of cooperation or yielding is the intention to do that act
    // (data/events/intents.tsv); the act itself is only wanted.
    (
        "March 22, 2022\n\nPeru pledged to provide economic aid to Chile.",
        &["PER CHL 0331"],
    ),
    (
        "March 22, 2022\n\nPeru is ready to lift sanctions on Chile, officials said.",
        &["PER CHL 0354"],
    ),
    // A permit, licence or accreditation taken back is an administrative sanction; a ban on a
    // state's airlines or planes is an embargo on it, not the ban of a party.
    (
        "March 22, 2022\n\nPeru revoked the accreditation of a Chilean journalist.",
        &["PER CHL 172"],
    ),
    (
        "March 22, 2022\n\nPeru banned Chilean airlines from its airspace on Monday, officials said.",
        &["PER CHL 163"],
    ),
    // An investigation's target is who did what is investigated.
    (
        "March 22, 2022\n\nPeru is investigating alleged war crimes by Chilean troops in the north.",
        &["PER CHL 094"],
    ),
    (
        "March 22, 2022\n\nPeruvian prosecutors launched an investigation into killings committed by Chilean soldiers.",
        &["PER CHL 090"],
    ),
    // A "from" phrase names the target of a demand or a rejection, not of a visit.
    (
        "March 22, 2022\n\nPeruvian rebels are demanding autonomy from the Chilean government.",
        &["PER CHL 100"],
    ),
    (
        "March 22, 2022\n\nPeru rejected an offer of talks from Chile on Monday.",
        &["PER CHL 125"],
    ),
    // People "of" an actor are that actor; an event "of" a state is not that state.
    (
        "March 22, 2022\n\nPeru met members of the Chilean delegation in Lima.",
        &["PER CHL 040"],
    ),
    (
        "March 22, 2022\n\nPeru condemned the bombing of Chile's embassy.",
        &[],
    ),
    // An act of cooperation refused, or that will not be done, is a rejection of it
    // (data/events/refusals.tsv); one that was not done is only negated.
    (
        "March 22, 2022\n\nPeru said it would not release the Chilean prisoners.",
        &["PER CHL 1243"],
    ),
    (
        "March 22, 2022\n\nPeru will not accept any more refugees from Chile.",
        &["PER CHL 1223"],
    ),
    (
        "March 22, 2022\n\nPeru did not provide support to Chile last year.",
        &[],
    ),
    // A meeting of three is one event a pair; where its sides are named, the city it is held in
    // is its venue.
    (
        "March 22, 2022\n\nPeru, Chile and Bolivia held talks in La Paz on Monday.",
        &["PER CHL 040", "PER BOL 040", "CHL BOL 040"],
    ),
    (
        "March 22, 2022\n\nPeru and Chile held talks in Quito on Monday.",
        &["PER CHL 040"],
    ),
    // Blame: holding or saying a side responsible is an accusation.
    (
        "March 22, 2022\n\nPeru held Chile responsible for the attack on its embassy.",
        &["PER CHL 112"],
    ),
    (
        "March 22, 2022\n\nThe Peruvian foreign minister said Chile was responsible for the delay.",
        &["PER CHL 112"],
    ),
    // Peacekeepers withdrawn halt an involvement (1661); announced on a condition, a threat.
    (
        "March 22, 2022\n\nPeru announced that it will withdraw its peacekeeping force from Chile unless the fighting stops.",
        &["PER CHL 136"],
    ),
    // A threat is aimed at the first side named in what is threatened.
    (
        "March 22, 2022\n\nPeru threatened to launch a new offensive in its border war with Chile.",
        &["PER CHL 1384"],
    ),
    // The city a wire story was filed from is no side of its events, capital or not.
    (
        "March 22, 2022\n\nLIMA (Reuters) - Chile recalled its ambassador to Bolivia on Monday.",
        &["CHL BOL 161"],
    ),
    (
        "March 22, 2022\n\nGENEVA, March 21 (AFP) - Peru accused Chile of spying.",
        &["PER CHL 1125"],
    ),
    // A name's words are no cues: "Theresa May said" is no "may".
    (
        "March 14, 2018\n\nTheresa May said Russia was culpable for the poisoning.",
        &["GBR RUS 112"],
    ),
    // Two sides that clash, fight or get into a scuffle act on each other; an "after" clause
    // happened, even under an act that only appeared to.
    (
        "June 17, 2020\n\nIndian and Chinese soldiers clashed in the Galwan Valley on Monday.",
        &["IND CHN 190", "CHN IND 190"],
    ),
    (
        "June 17, 2020\n\nOn Monday, tension appeared to have peaked after Indian and Chinese soldiers got into a scuffle, and 20 Indian soldiers died.",
        &["IND CHN 190", "CHN IND 190"],
    ),
    // Where a meeting was held is no side of it.
    (
        "May 24, 2021\n\nEU leaders met in Brussels on Monday, officials said.",
        &[],
    ),
    (
        "May 24, 2021\n\nPutin met Erdogan in Sochi on Monday, the Kremlin said.",
        &["RUS TUR 040"],
    ),
    // What an agreement commits to, when it is an act on the target, is the event.
    (
        "May 24, 2021\n\nEU leaders agreed on Monday to sanction Belarus.",
        &["EU BLR 163"],
    ),
    // What "a resolution to condemn" does is done, wherever the parse hangs the infinitive.
    (
        "July 16, 2006\n\nThe U.N. Security Council on Saturday unanimously adopted a resolution to condemn North Korea for its missile launches, officials said.",
        &["UNSC PRK 111"],
    ),
    // A city of the gazetteer an attack falls on gives its state; a month is no town.
    (
        "July 16, 2006\n\nTurkish troops bombarded Homs overnight, officials said in a statement on Sunday.",
        &["TUR SYR 194"],
    ),
    (
        "July 16, 2006\n\nTurkish troops attacked the town in March, officials said in a statement on Sunday.",
        &[],
    ),
    // "The leaders" after two leaders met is the two; after a group of leaders, that group.
    (
        "April 14, 2023\n\nLula met Xi Jinping in Beijing on Friday. The leaders oversaw the signing of agreements in 15 areas.",
        &["BRA CHN 040", "BRA CHN 057"],
    ),
    // Too far back for the last two: the article's principals, two people of two states.
    (
        "April 14, 2023\n\nXi Jinping welcomed Lula in Beijing on Friday. The two spoke for hours.\n\nBrazil's ambassador said the visit went well. \"It was a positive sign,\" he said. Officials were pleased. Trade has grown. Exports rose. Imports fell.\n\nThe leaders oversaw the signing of agreements in 15 areas.",
        &["CHN BRA 043", "CHN BRA 057"],
    ),
    (
        "May 24, 2021\n\nEU leaders met in Brussels on Monday. The leaders demanded that Belarus free the journalist.",
        &["EU BLR 100"],
    ),
    // What is blamed on someone is no act of the blamer's.
    (
        "March 15, 2018\n\nBritain blamed the nerve agent attack on Russia on Monday, officials said.",
        &["GBR RUS 112"],
    ),
    // The dead of a clash were its target, the side "with" them its source.
    (
        "June 17, 2020\n\n20 Indian soldiers were killed in clashes with Chinese troops on Monday, the army said.",
        &["CHN IND 190"],
    ),
    // Clashing "over" something may be words only: no force.
    (
        "June 17, 2020\n\nThe Chinese and Indian foreign ministers clashed over trade on Monday.",
        &[],
    ),
    // "The West Bank" is a territory of the gazetteer, not the West's banks.
    (
        "August 13, 1990\n\nIraq linked its occupation of Kuwait with Israel's occupation of the West Bank.",
        &["IRQ KWT 192", "ISR PSE 192"],
    ),
    // To demonstrate or rally something is to show or gather it, not to protest.
    (
        "August 17, 1998\n\nThe United States sent envoys to demonstrate its support, and the Iraqi leader tried to rally Arab opinion against Israel.",
        &[],
    ),
    (
        "March 8, 1998\n\nSome 1,500 ethnic Albanians marched Sunday in downtown Istanbul to protest the killings by Serb police.",
        &["ALB  141", "ALB SRB 141"],
    ),
    // A wish to do what is no event is no intention; one to do an act is.
    (
        "March 22, 1998\n\nIrish nationalists want to move towards unity with Britain, Adams said.",
        &[],
    ),
    (
        "March 1, 1998\n\nIsrael wants to withdraw from southern Lebanon, officials said.",
        &["ISR LBN 0356"],
    ),
    // A state acts on "the country" that is another's: it would say "itself" of its own.
    (
        "October 7, 2019\n\nRoughly 13,000 US troops remain in Afghanistan, 18 years after Washington invaded the country.",
        &["USA AFG 190"],
    ),
    // Force used in a state's capital is not that state's; a report released there may be.
    (
        "August 7, 1998\n\nBombs exploded outside the U.S. embassies in the Kenyan and Tanzanian capitals, killing dozens of Americans.",
        &[],
    ),
    (
        "August 7, 2008\n\nA report released in the Rwandan capital accused France of helping to plan the killings.",
        &["RWA FRA 112"],
    ),
    // "City, State" says where: the state after its city is a place, not the one who acts.
    (
        "October 8, 1999\n\nIn Cape Town, South Africa, a police spokesman said the detectives arrested Mohamed at the airport.",
        &[],
    ),
    (
        "September 11, 1998\n\nBombings at the U.S. embassies in Dar es Salaam, Tanzania, and Nairobi, Kenya, on Aug. 7 killed 258 people, including 12 Americans.",
        &[],
    ),
    // A participle used as an adjective has no subject: only a "by" agent did it.
    (
        "August 16, 1990\n\nVery few of the 2,500 Americans in occupied Kuwait complied with the order.",
        &[],
    ),
    // A state that beats another in a game uses no force.
    (
        "November 18, 2019\n\nDenmark got a 1-1 draw at Ireland, while Switzerland beat Gibraltar 6-0 to win the group.",
        &[],
    ),
    (
        "November 18, 2019\n\nAustralia beat Colombia in the Davis Cup semifinal on Sunday.",
        &[],
    ),
    // To be demonstrated by something is to be shown, not to protest.
    (
        "November 18, 2019\n\nChina's worry, as demonstrated by its protest to the United States, is trade.",
        &["CHN USA 114"],
    ),
    // A capital's possessive before a place noun is a place: the march is not at the government.
    (
        "January 28, 2000\n\nTens of thousands of Cubans marched through Havana's streets by torchlight.",
        &["CUB  141"],
    ),
    // A fight in court uses no force; an attack on a court house does.
    (
        "January 28, 2000\n\nUkraine and Russia are fighting a legal battle at the International Court of Justice.",
        &[],
    ),
    // What a condition says would happen has not: "if Trump agrees".
    (
        "November 5, 2019\n\nThe truce may grow if the United States agrees to Beijing's demands to roll back tariffs.",
        &[],
    ),
    // To recognize a state is recognition; to recognize that something is so is not.
    (
        "November 5, 2019\n\nIsrael recognized the Palestinian state. The United States recognized that the deal was bad for Japan.",
        &["ISR PSE 054"],
    ),
    // A participle with a "by" agent is passive: the agent did it.
    (
        "March 1, 1998\n\nThey found an Israeli soldier kidnapped and presumed killed by Syrian troops.",
        &["SYR ISR 190"],
    ),
    // An act or a weapon as subject with no actor of its own: nobody named did it (not the
    // embassy's state); a report's author may still be named around it.
    (
        "March 1, 2022\n\nThe car bomb attack at the U.S. embassy in Nairobi killed 253 people and injured 5,000 others.",
        &[],
    ),
    (
        "March 1, 2022\n\nA report released on Tuesday in the Rwandan capital accused France of helping to plan the killings.",
        &["RWA FRA 112"],
    ),
    // Of the states named as targets, the source's own is its side.
    (
        "March 1, 2022\n\nThe Israeli prime minister agreed to restore normalization between Israel and Turkey.",
        &["ISR TUR 030"],
    ),
    // People who return somewhere are returned by no one.
    (
        "March 1, 2022\n\nSome Cuban Americans are returning to Havana for the first time. Iraq returned the prisoners to Kuwait.",
        &["IRQ KWT 0841"],
    ),
    // A visit to one's own country is no visit between two sides.
    (
        "March 1, 2022\n\nThe Japanese prime minister arrived in Osaka later in the day.",
        &[],
    ),
    // Sympathy for what happened in a place is with that place's state.
    (
        "March 1, 2022\n\nThe Japanese foreign minister expressed sorrow for the shootings in Toronto.",
        &["JPN CAN 018"],
    ),
    // A pattern's object as the subject of its passive, the rest of the pattern after the verb
    // or after the object; with no agent, no one named did it.
    (
        "March 1, 2022\n\nSanctions were imposed on Iran by the European Union. An agreement was signed with Peru by Chile.",
        &["EU IRN 163", "CHL PER 057"],
    ),
    (
        "March 1, 2022\n\nEvidence against Russia was presented by Japan. The sanctions imposed on Syria by Canada ended.",
        &["JPN RUS 112", "CAN SYR 163"],
    ),
    (
        "March 1, 2022\n\nSanctions were imposed on Iran last year.",
        &[],
    ),
    // A pattern's object as the noun of a relative clause on its verb, active or passive:
    // the clause's subject, or its "by" agent, did it.
    (
        "March 1, 2022\n\nThe sanctions that the European Union imposed on Iran were lifted. The treaty which Japan signed with Russia is still valid.",
        &["EU IRN 163", "JPN RUS 057"],
    ),
    (
        "March 1, 2022\n\nOfficials discussed the talks, which Japan held with Russia in Moscow. The sanctions, which were imposed on Syria by Canada in 2012, ended.",
        &["JPN RUS 040", "CAN SYR 163"],
    ),
    // Light verbs with words between them and their noun: the same events.
    (
        "March 1, 2022\n\nChina and India held fresh talks on Monday. Japan expressed deep sympathy for the victims in Turkey.",
        &["CHN IND 040", "JPN TUR 018"],
    ),
    (
        "March 1, 2022\n\nThe foreign minister of China held telephone talks with India on Monday. Japan offered its condolences to Peru.",
        &["CHN IND 041", "JPN PER 018"],
    ),
    // Two who visit together visit the place's state, not each other.
    (
        "March 1, 2022\n\nThe foreign ministers of Japan and Russia arrived in Geneva on Sunday.",
        &["JPN CHE 042", "RUS CHE 042"],
    ),
    // A text that accuses with no author named is its sender's; a text released frees no one.
    (
        "March 1, 2022\n\nSouth Africa filed a case at the International Court of Justice accusing Israel of genocide.",
        &["ZAF ISR 112"],
    ),
    (
        "March 1, 2022\n\nRussia released a report accusing Ukraine of shelling.",
        &["RUS UKR 112"],
    ),
    // A visit "by" someone "to" a place; who does something "by" is no target.
    (
        "March 1, 2022\n\nGreece and Turkey signed a declaration during a visit by Erdogan to Athens.",
        &["GRC TUR 057", "TUR GRC 042"],
    ),
    (
        "March 1, 2022\n\nMorocco and Spain pledged to deepen cooperation during a visit by Pedro Sanchez to Rabat.",
        &["MAR ESP 030"],
    ),
    // "A rebel group" is a group of rebels; a government's grievance is never with its own state.
    (
        "March 1, 2022\n\nColombia's government and the ELN rebel group signed a ceasefire deal in Havana.",
        &["COL COL 057"],
    ),
    (
        "March 1, 2022\n\nThe Russian foreign ministry summoned the U.S. ambassador to protest the arrest of a Russian citizen.",
        &["RUS USA 114"],
    ),
    // Force on a thing in a place is force on the place's state, however the parser hangs
    // the place; a verb reacting to an act is aimed at whoever did it, and not at the reactor.
    (
        "March 1, 2022\n\nThe Turkish army shelled Kurdish positions in northern Syria on Sunday.",
        &["TUR SYR 194"],
    ),
    (
        "March 1, 2022\n\nJapan condemned the destruction of the dam by Russian forces. Saudi Arabia condemned the storming of the mosque by Israeli police.",
        &["JPN RUS 111", "SAU ISR 111"],
    ),
    (
        "March 1, 2022\n\nNorway condemned the Israeli attack on a school.",
        &["NOR ISR 111"],
    ),
    // Summoned to a ministry: the ministry, the state of the place it stands in, summoned.
    // A vow to retaliate is a threat.
    (
        "March 1, 2022\n\nThe Chinese ambassador was summoned to the foreign ministry in Vilnius. Iran vowed to retaliate against Israel.",
        &["LTU CHN 114", "IRN ISR 130"],
    ),
    // A deal brokered between two sides is a mediation between them; relations upgraded.
    (
        "March 1, 2022\n\nEgypt brokered a ceasefire between Israel and Hamas. Vietnam and the United States upgraded their relations.",
        &["EGY ISR 045", "EGY PSE 045", "VNM USA 051"],
    ),
    // A gap reaches past what a counted sum is "in".
    (
        "March 1, 2022\n\nThe Chinese government sent 22.5 million dollars in relief supplies to Yemen.",
        &["CHN YEM 073"],
    ),
    // Fire exchanged between two subjects; a base struck; a city encircled; condemnation drawn
    // from someone is theirs.
    (
        "March 1, 2022\n\nArmenian and Azerbaijani forces exchanged fire along the border. Ukraine struck a Russian air base with drones.",
        &["ARM AZE 190", "AZE ARM 190", "UKR RUS 190"],
    ),
    (
        "March 1, 2022\n\nNorth Korea launched a spy satellite, drawing condemnation from Japan.",
        &["JPN PRK 111"],
    ),
    // Irregular verbs in every form (data/events/verbs.tsv): paid, left, found.
    (
        "March 1, 2022\n\nJapan paid compensation to South Korea. Putin left for Beijing on Monday. A Dutch court found Russia responsible for the downing of the plane.",
        &["JPN KOR 0842", "RUS CHN 042", "NLD RUS 112"],
    ),
    // Another verb's relative clause does not impose: Canada criticized Japan's sanctions.
    (
        "March 1, 2022\n\nThe sanctions that Canada criticized were imposed by Japan last year.",
        &["CAN JPN 111"],
    ),
    // A past participle the parser hangs on the verb before it as a complement is passive:
    // its noun was jailed, by no one named.
    (
        "March 1, 2022\n\nIsrael on Wednesday released the mayor of Nablus, a member of the Hamas movement jailed over a year ago, Palestinian officials said.",
        &["ISR PSE 0841"],
    ),
    // The object the words find must be the subject of the verb's passive, not a word of it.
    (
        "March 1, 2022\n\nThe aid workers were provided to Syria by Japan.",
        &[],
    ),
    // A place is no doer of a relative clause; a capital after a place noun is a place.
    (
        "March 1, 2022\n\nThe Japanese foreign minister expressed condolences to Peru over a fire in its capital city Lima that killed 40 people.",
        &["JPN PER 018"],
    ),
    // Nor is the subject of a verb that reacts to an act its doer: Norway attacked no one.
    (
        "March 1, 2022\n\nNorway condemned an attack on a school in Chile that killed 12 people.",
        &[],
    ),
    (
        "March 1, 2022\n\nNorway gave Chile a deadline over the attack on its embassy.",
        &["NOR CHL 139"],
    ),
    // A name used as a place is never who did something.
    (
        "March 1, 2022\n\nAfter touring the Peruvian capital Lima on Thursday and meeting with Chilean police leaders, the Norwegian minister flew home.",
        &["NOR CHL 040", "NOR PER 042"],
    ),
    // A seat of government the sides meet in is where they met.
    (
        "March 1, 2022\n\nNorway's prime minister and the Chilean president held talks in the Kremlin.",
        &["NOR CHL 040"],
    ),
    (
        "March 1, 2022\n\nThe Islamic State has carried out several attacks against military targets in Kirkuk.",
        &["IMG IRQ 190"],
    ),
    // The partner of talks after their venue, where the parse hangs "with" on the place.
    (
        "March 1, 2022\n\nForeign Minister Sergey Lavrov held talks in Ankara with Turkish President Recep Tayyip Erdogan on Monday.",
        &["RUS TUR 040"],
    ),
    // A possessive in the object that stands for the subject is no target.
    (
        "March 1, 2022\n\nThe Japanese prime minister expressed his deep condolences to the people of Canada.",
        &["JPN CAN 018"],
    ),
    // A call to someone "to discuss" is a telephone call; a name called something is not.
    (
        "March 1, 2022\n\nThe Japanese foreign minister called Canada's foreign minister to discuss the fishing dispute.",
        &["JPN CAN 041"],
    ),
    (
        "March 1, 2022\n\nThe Japanese foreign minister called Canada's ambassador to Norway a liar.",
        &[],
    ),
    // What is only considered has not happened.
    (
        "March 1, 2022\n\nNorway is considering sending aid to Chile after the floods.",
        &[],
    ),
    // A sum, then what it is for; a truce announced with someone; legal action; supplies cut.
    (
        "March 1, 2022\n\nNorway provided an additional $4 million in humanitarian assistance to Chile. Peru announced a ten-day ceasefire with the rebels of Bolivia.",
        &["NOR CHL 070", "PER BOL 0871"],
    ),
    (
        "March 1, 2022\n\nThe European Commission launched legal action against the Hungarian government. Norway suspended food supplies to Chile.",
        &["EU HUN 115", "NOR CHL 1623"],
    ),
    (
        "March 1, 2022\n\nPeruvian warplanes pounded Bolivian army positions near the border on Sunday.",
        &["PER BOL 190"],
    ),
    // A gapped pattern's words further apart than the words alone reach, which the parse
    // joins; a ministry with its portfolio, then its state.
    (
        "March 1, 2022\n\nThis week, Norway handed over more than 4 million dollars worth of new medical equipment and medicines to the Ministry of Health of Chile.",
        &["NOR CHL 073"],
    ),
    // Money given or lent is economic aid; a state agency known by its initials acts for its
    // state (and is no dateline for being written in capitals).
    (
        "March 1, 2022\n\nNorway lent $1 billion to Chile on Monday, and Sweden gave 2 million euros to Peru's farmers. USAID contributed $90 million to the Bolivian government.",
        &["NOR CHL 071", "SWE PER 071", "USA BOL 071"],
    ),
    // A participle after its noun with no agent: no one named did it.
    (
        "March 1, 2022\n\nOn the Chilean list, Garcia replaces two former Peruvian intelligence agents charged in the 1998 bombing of a bus.",
        &[],
    ),
    // Borders closed with a state; air strikes carried out; migrants deported to their state.
    (
        "March 1, 2022\n\nBolivia closed its borders with Peru and Chile on Monday. The Chilean military carried out several air strikes against Peruvian rebels. Argentine authorities have deported 200 migrants to Paraguay.",
        &["BOL PER 191", "BOL CHL 191", "CHL PER 195", "ARG PRY 174"],
    ),
    // The target's slot takes the noun phrase its actor owns; condolences sent; a request
    // made of a government.
    (
        "March 1, 2022\n\nThe UN called on Peru's newly elected government to end the curfew. Chile's president sent a condolence message to the Peruvian president. Bolivia asked the Chilean government for consular access to the detained miners.",
        &["UNO PER 0256", "CHL PER 018", "BOL CHL 020"],
    ),
    // A state named by its kind ("the island nation of"); an agreement agreed.
    (
        "March 1, 2022\n\nBolivia has established diplomatic ties with the island nation of Fiji. Peru and the European Union have agreed a trade and cooperation agreement.",
        &["BOL FJI 051", "PER EU 030"],
    ),
    // Failed negotiations halt them, each side's with the other (CAMEO 164); a rejected call
    // is its author's; aid suspended along with deals "with" a state.
    (
        "March 1, 2022\n\nChile and Peru failed to reach agreement on the fishing quotas on Monday. The Bolivian government rejected the call of the European Parliament. Norway suspended military aid and weapons deals with Chile.",
        &["CHL PER 164", "PER CHL 164", "BOL EUP 120", "NOR CHL 1622"],
    ),
    // A passive's object phrase holds the pattern's preposition ("on Monday" is the day's);
    // sanctions lifted were not imposed then.
    (
        "March 1, 2022\n\nThe sanctions on Chile were lifted by Peru on Monday. Bolivian sanctions against Paraguay were lifted on Tuesday.",
        &["PER CHL 085"],
    ),
    // Force on a thing that stands in a state is force on that state.
    (
        "March 1, 2022\n\nThe Peruvian army attacked a military base in Chile on Sunday.",
        &["PER CHL 190"],
    ),
    // A warning given; a military operation launched against a side.
    (
        "March 1, 2022\n\nPeru gave Chilean President Gabriel Boric a stern warning on Monday. The Bolivian army launched a new military operation against Peruvian rebels.",
        &["PER CHL 130", "BOL PER 190"],
    ),
    // Troops the pattern's own noun names, of no state their words name, are the sender's:
    // the target is where they go.
    (
        "March 1, 2022\n\nNorway has offered to send troops to Chile and neighboring countries.",
        &["NOR CHL 0332"],
    ),
    // A target's slot takes an adjective before the name ("new", "incoming").
    (
        "March 1, 2022\n\nThe Peruvian president called new Chilean President Gabriel Boric on Wednesday to congratulate him.",
        &["PER CHL 041"],
    ),
    // A name's abbreviation in brackets does not part the pattern's words.
    (
        "March 1, 2022\n\nNorway urged the Chilean Air Force (FACh) to halt the strikes.",
        &["NOR CHL 0256"],
    ),
    // A gerund after the noun of a possessor is the possessor's act, named or not.
    (
        "March 1, 2022\n\nChile praised Peru's role in defending Bolivia against the rebels.",
        &["CHL PER 051", "PER BOL 052"],
    ),
    (
        "March 1, 2022\n\nBolivia rejected the Chilean demands, arguing that the miners' role in defending Oruro against Paraguay justified the strike.",
        &["BOL CHL 120"],
    ),
    // A visiting minister is the visitor, the one who meets them the host.
    (
        "March 1, 2022\n\nChilean President Gabriel Boric met visiting Peruvian Foreign Minister Cesar Landa in Santiago on Monday.",
        &["CHL PER 040", "PER CHL 042"],
    ),
    // The second participle shares the first's "were": the police were wounded, by no one
    // named.
    (
        "March 1, 2022\n\nAt least 26 Chilean police officers were killed and 41 wounded after a Peruvian bomb struck a bus.",
        &[],
    ),
    // Force claimed of another is also the claimer's accusation of the doer; claimed by the
    // doer, its claim of responsibility; only said, by the side it struck or another, or
    // claimed by officials of no state named, it is no accusation.
    (
        "March 1, 2022\n\nBolivia claimed that Chilean troops attacked the town of Oruro on Monday.",
        &["CHL BOL 190", "BOL CHL 112"],
    ),
    (
        "March 1, 2022\n\nBolivia said Chilean troops attacked the town of Oruro on Monday.",
        &["CHL BOL 190"],
    ),
    (
        "March 1, 2022\n\nThe Shining Path claimed that it had attacked a Bolivian army base.",
        &["PER BOL 190", "PER BOL 015"],
    ),
    (
        "March 1, 2022\n\nPeruvian troops shelled the Chilean town of Arica on Monday, officials claimed.",
        &["PER CHL 194"],
    ),
    // History told is no blame laid now.
    (
        "March 1, 2022\n\nChile claimed that Peruvian troops attacked Bolivia in 1879.",
        &["PER BOL 190"],
    ),
    // The parse lets a pattern's last preposition stand after the rest of the verb's object,
    // where it opens a phrase of the verb; not the "to" of an infinitive.
    (
        "March 1, 2022\n\nChile has contributed 3 million dollars in total assistance to Peru.",
        &["CHL PER 071"],
    ),
    (
        "March 1, 2022\n\nArgentina sent medical supplies and two field hospitals to Bolivia.",
        &["ARG BOL 073"],
    ),
    // A deadline given to someone is an ultimatum; a deadline for an act is not.
    (
        "March 1, 2022\n\nChile gave Bolivia a midnight deadline to withdraw its claim.",
        &["CHL BOL 139"],
    ),
    (
        "March 1, 2022\n\nChile set Friday as the deadline for his extradition to Peru.",
        &[],
    ),
    // Force verbs that name force only when an armed group acts; assaults and raids launched;
    // force on the thing a pattern's last preposition names falls on the state it stands in.
    (
        "March 1, 2022\n\nChilean jets struck a target in Bolivia on Monday night, the defence ministry said.",
        &["CHL BOL 190"],
    ),
    (
        "March 1, 2022\n\nChile struck a deal with Bolivia on Monday after months of talks over the border.",
        &["CHL BOL 030"],
    ),
    (
        "March 1, 2022\n\nChile hit a record high in exports to Peru.",
        &[],
    ),
    (
        "March 1, 2022\n\nPeru hit back at Chilean criticism of its new mining law on Monday.",
        &["PER CHL 111"],
    ),
    (
        "March 1, 2022\n\nBolivian troops launched an assault on a Peruvian army base on Thursday.",
        &["BOL PER 190"],
    ),
    (
        "March 1, 2022\n\nBolivian troops launched a missile attack against a military base in Peru.",
        &["BOL PER 190"],
    ),
    // An act a rejection governs was not done: talks rejected are a rejection of talks.
    (
        "March 1, 2022\n\nThe Bolivian government has rejected holding talks with Chile over the disputed border.",
        &["BOL CHL 125", "BOL CHL 120"],
    ),
    (
        "March 1, 2022\n\nPeru ruled out talks with Chile on Monday, a week after the clashes on the border.",
        &["PER CHL 120", "PER CHL 125"],
    ),
    // What an accusation or an allegation says is alleged, not done, however the parse hangs
    // its clause.
    (
        "March 1, 2022\n\nBolivia rejected accusations that it attacked Chile during the night of the elections.",
        &[],
    ),
    (
        "March 1, 2022\n\nBolivia denied allegations that its forces attacked a Chilean border post last week.",
        &[],
    ),
    // A measure lifted that was imposed on someone.
    (
        "March 1, 2022\n\nChile on Tuesday lifted a travel ban imposed on Bolivian citizens after a six-month review.",
        &["CHL BOL 0812"],
    ),
    // Joint exercises begun by two coordinated subjects are held with each other.
    (
        "March 1, 2022\n\nChile and Peru began a new round of joint military exercises on Monday in the Atacama desert.",
        &["CHL PER 062"],
    ),
    // The counterpart after "his" fills the slot, and the name between commas after it does
    // not part the pattern.
    (
        "March 1, 2022\n\nThe Bolivian foreign minister called his Chilean counterpart, Antonia Urrejola, on Tuesday to discuss the border.",
        &["BOL CHL 041"],
    ),
    // A threat of no act named takes the code of the force it threatens.
    (
        "March 1, 2022\n\nBolivia threatened to launch missiles at Chile on Monday, officials in La Paz said.",
        &["BOL CHL 1384"],
    ),
    // What a complaint is about was done by someone else.
    (
        "March 1, 2022\n\nChilean officials complained about a raid on a Chilean company in Lima.",
        &[],
    ),
    // A claim of responsibility is aimed at the state where the act claimed took place,
    // however deep in the phrase its place stands.
    (
        "March 1, 2022\n\nThe Shining Path claimed responsibility for the bombing, which killed and injured dozens of people in La Paz, Bolivia.",
        &["PER BOL 015"],
    ),
    (
        "March 1, 2022\n\nThe Shining Path claimed responsibility for a deadly attack targeting tourists at a crowded market in Bolivia's capital.",
        &["PER BOL 015"],
    ),
    // In a report of games, a state that beats another plays it, even where the sentence names
    // no game; in news that names a cup once, force stays force.
    (
        "March 1, 2022\n\nChile reached the semifinals of the tournament after a 2-1 win in the quarterfinal on Sunday. Peru beat Bolivia on Monday. Chile and Peru play in the first semifinal on Friday.",
        &[],
    ),
    (
        "March 1, 2022\n\nPeruvian troops attacked Bolivian border posts on Monday, officials in La Paz said. Peru hosts the regional football cup next year.",
        &["PER BOL 190"],
    ),
    // "The country" that is the source's own state is another state only for force ("invaded
    // the country"): aid to one's own country is common.
    (
        "March 1, 2022\n\nPeru signed a trade deal with Bolivia last year. Chile's new farms have delivered food supplies to the country, Chile's farm minister said.",
        &["PER BOL 057"],
    ),
    (
        "March 1, 2022\n\nPeru signed a trade deal with Bolivia last year. US troops remain in Chile, 18 years after Washington invaded the country.",
        &["PER BOL 057", "USA CHL 190"],
    ),
    // A state named after a preposition before the subject is no co-subject to pair with it.
    (
        "March 1, 2022\n\nIn Arica, a city on the border with Peru, Chile will invite architects to submit plans for a new museum.",
        &[],
    ),
    // A participle coordinated with a passive verb shares its passive: the subject underwent
    // both.
    (
        "March 1, 2022\n\nThe 40-year-old Peruvian was detained in March and sentenced to two years in prison for spying, officials in Santiago said.",
        &[],
    ),
    // "its" right after "after" is the state named last before it.
    (
        "March 1, 2022\n\nChile said it will not lift the sanctions imposed on Peru after its invasion of Bolivia in January, officials said.",
        &["CHL PER 1244", "PER BOL 190"],
    ),
    // A state signs, meets or visits no one of its own: "Lima's" is Peru's government.
    (
        "March 1, 2022\n\nPeruvian head of state Ana Ruiz signed Lima's accession document on February 10.",
        &[],
    ),
    // A gap spans the verb's object, not a phrase after it: the tax was suspended, not the
    // talks; but an amount's preposition does not end the object.
    (
        "March 1, 2022\n\nChile suspended a new digital tax on Peruvian companies after talks with Peru on Monday.",
        &[],
    ),
    (
        "March 1, 2022\n\nChile pledged up to 2 billion dollars in emergency funding to Peru on Monday.",
        &["CHL PER 070"],
    ),
    // A crowd's force is a riot, also by a verb that names force only when an armed group
    // uses it; a state's people by name ("the Soviets") are no crowd.
    (
        "January 9, 2023\n\nProtesters stormed the Brazilian Congress on Sunday, police said.",
        &["BRA BRA 145"],
    ),
    (
        "January 9, 2023\n\nStudents attacked the Iranian embassy in Kabul on Sunday, police said.",
        &["AFG IRN 145"],
    ),
    (
        "January 9, 2023\n\nIn 1968 the Soviets invaded Czechoslovakia, the minister recalled on Sunday.",
        &["SUN CSK 190"],
    ),
    // Tariffs are trade sanctions, imposed and eased; a demand's infinitive is not the
    // demander's act.
    (
        "May 2, 2019\n\nChina slapped retaliatory tariffs on American soybeans on Friday.",
        &["CHN USA 163"],
    ),
    (
        "May 2, 2019\n\nThe U.S. rolled back tariffs on Chinese goods on Friday, officials said.",
        &["USA CHN 085"],
    ),
    (
        "May 2, 2019\n\nCanada lifted tariffs on American steel on Friday, officials said.",
        &["CAN USA 085"],
    ),
    (
        "May 2, 2019\n\nThe talks stalled on Friday over Beijing's demands to roll back tariffs on Chinese goods.",
        &[],
    ),
    // Relations broken with or without "off"; prisoners swapped between the two subjects;
    // visas suspended.
    (
        "May 2, 2019\n\nVenezuela broke diplomatic relations with Colombia on Saturday.",
        &["VEN COL 161"],
    ),
    (
        "May 2, 2019\n\nRussia and Ukraine swapped dozens of prisoners on Friday, officials said.",
        &["RUS UKR 0841", "UKR RUS 0841"],
    ),
    (
        "May 2, 2019\n\nIndia suspended visas for Canadian citizens on Thursday, officials said.",
        &["IND CAN 172"],
    ),
    // An ambassador the pattern names is its target, not "the country" after it; a group's
    // word read as an adjective is no actor.
    (
        "May 2, 2024\n\nNiger's military junta ordered the French ambassador to leave the country on Thursday.",
        &["NER FRA 174"],
    ),
    (
        "May 2, 2024\n\nJapan protested on Thursday over the military drills near the islands.",
        &[],
    ),
    // Aid announced or approved, and aid packages, by the clause's subject.
    (
        "May 2, 2024\n\nBritain announced a new package of military aid for Ukraine on Thursday.",
        &["GBR UKR 072"],
    ),
    (
        "May 2, 2024\n\nThe European Commission announced on Monday that it had suspended humanitarian aid to Kabul.",
        &["EU AFG 162"],
    ),
    // A part of a state names the state; accusations traded go both ways, whatever they are
    // over; a member suspended; a stateless group named after a pact is no partner of the two
    // states that signed it.
    (
        "May 2, 2024\n\nRussia recognized the independence of two breakaway regions of Georgia on Tuesday.",
        &["RUS GEO 054"],
    ),
    (
        "May 2, 2024\n\nThailand and Cambodia traded accusations over the border clash on Tuesday.",
        &["THA KHM 112", "KHM THA 112"],
    ),
    (
        "May 2, 2024\n\nThe African Union suspended Niger from all its activities on Tuesday.",
        &["AU NER 161"],
    ),
    (
        "May 2, 2024\n\nJapan and the Philippines signed a defence pact allowing troops to deploy on each other's territory.",
        &["JPN PHL 057"],
    ),
    // A meal together is a meeting.
    (
        "May 2, 2024\n\nPutin had a working dinner with Erdogan in Sochi on Thursday.",
        &["RUS TUR 040"],
    ),
    // A place that is the object in a pattern's gap is the target's state.
    (
        "May 2, 2024\n\nRussia struck Kharkiv with drones overnight, officials said on Thursday.",
        &["RUS UKR 195"],
    ),
    // Another's act that a rejection names is a proposal turned down; what is only feared or
    // alleged ("accusations of attacks") is not done either.
    (
        "May 2, 2024\n\nHungary vetoed new EU sanctions against Russia on Thursday, diplomats said.",
        &["HUN EU 1246"],
    ),
    (
        "May 2, 2024\n\nTurkey refused to commit to any assistance to the US-led war against Iraq on Thursday, officials said.",
        &["TUR USA 120", "USA IRQ 190"],
    ),
    (
        "May 2, 2024\n\nRussia rejected Ukraine's accusations of attacks on civilians on Thursday.",
        &["RUS UKR 016"],
    ),
];

#[test]
fn cases() {
    let side = |a: &EventActor| a.actor.side().unwrap_or("").to_string();
    check(
        CASES,
        |text| text.to_string(),
        |e| format!("{} {} {}", side(&e.source), side(&e.target), e.cameo),
    );
}

/// Extracts each row's article (`article` makes it from the row's text) and compares the events
/// said to have happened, as `label` writes them, with the row's, in any order.
fn check(
    rows: &[(&str, &[&str])],
    article: impl Fn(&str) -> String,
    label: impl Fn(&Event) -> String,
) {
    let mut failures = Vec::new();
    for (text, expected) in rows {
        let doc = extract(&article(text));
        let scored = doc.events.iter().filter(|e| e.asserted());
        let mut got: Vec<String> = scored.map(&label).collect();
        got.sort();
        let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        want.sort();
        if got != want {
            failures.push(format!("{text:?}\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn extract(text: &str) -> crate::document::Document {
    let raw = ingest::decode("case.txt", text.as_bytes()).expect("decodes");
    pipeline::extract(&raw, &Context::default())
}

#[test]
fn the_parse_says_who_claims_an_event() {
    let doc = extract(
        "March 22, 2022\n\nRussian forces shelled Kharkiv, Kyiv said. According to Ukrainian officials, Russian troops attacked Odesa on Monday. In Lviv, Ukraine's foreign minister said Russian jets had bombed Kherson.",
    );
    let claims: Vec<(&str, Option<&str>)> = doc
        .events
        .iter()
        .map(|e| {
            let by = e.claimed_by.as_ref().map(|a| a.actor.code.as_str());
            (e.evidence.trigger.as_str(), by)
        })
        .collect();
    assert_eq!(
        claims,
        [
            ("shelled", Some("UKRGOV")),
            ("attacked", Some("UKRGOV")),
            ("bombed", Some("UKRGOV"))
        ],
        "{claims:?}"
    );
}

#[test]
fn flags_dates_and_speakers() {
    let doc = extract(
        "March 22, 2022\n\nJapan will impose sanctions on Russia next week, Foreign Minister Yoshimasa Hayashi said.\n\nIn 1956, the Soviet Union and Japan issued a joint declaration, which ended the state of war.",
    );
    // A conflict act said with "will" is a threat of it (CAMEO 130), made by the time of
    // writing.
    let e = &doc.events[0];
    assert_eq!(e.cameo, "1312");
    assert!(!e.planned && !e.historical && !e.negated);
    assert_eq!(e.date.latest, "2022-03-22");
    assert_eq!(
        e.claimed_by.as_ref().map(|a| a.actor.code.as_str()),
        Some("JPNGOV")
    );
    assert_eq!(e.date.basis, crate::document::DateBasis::Published);
    // The sentence dates it to 1956; the knowledge base knows the day (data/time/events.tsv).
    let d = &doc.events[1];
    assert_eq!(d.cameo, "057");
    assert_eq!(
        (d.date.earliest.as_str(), d.date.basis.as_str()),
        ("1956-10-19", "known-event")
    );
    assert!(d.historical && !d.planned);
    assert_eq!(d.evidence.trigger, "issued a joint declaration");
    // "set to", "preparing to" before an infinitive: planned, not only wanted.
    for text in [
        "March 22, 2022\n\nThe Japanese prime minister is set to visit China next month, officials said.",
        "March 22, 2022\n\nThe Japanese prime minister is preparing to visit China, officials said.",
    ] {
        let visit = extract(text);
        let e = visit.events.iter().find(|e| e.cameo == "042");
        assert!(e.is_some_and(|e| e.planned && !e.hypothetical), "{:?}", visit.events);
    }
    // Verbs listed after a planned one are planned too; a present tense after "until" is
    // yet to come.
    for text in [
        "March 22, 2022\n\nThe Japanese prime minister was scheduled to lay flowers at the memorial, talk to survivors and meet with Chinese President Xi Jinping.",
        "March 22, 2022\n\nRussia says the talks must wait at least until Chinese President Xi Jinping visits Japan.",
    ] {
        let later = extract(text);
        let e = later.events.iter().find(|e| e.root == "04");
        assert!(e.is_some_and(|e| e.planned), "{text}: {:?}", later.events);
    }
    // Years after an event are counted whole: the invasion was 18 to 19 years before, not on
    // the day of the attacks the clause names after it.
    let invaded = extract("November 20, 2019\n\nRoughly 13,000 US troops remain in Afghanistan, 18 years after Washington invaded the country in the wake of the September 11, 2001 attacks.");
    let d = &invaded.events[0];
    assert_eq!(
        (
            d.date.earliest.as_str(),
            d.date.latest.as_str(),
            d.historical
        ),
        ("2000-11-21", "2001-11-20", true),
        "{:?}",
        invaded.events
    );
    // A duration no calendar holds dates nothing, and breaks nothing.
    for n in ["99999999 days", "9999999 years", "4000000000 years"] {
        let far = extract(&format!(
            "November 20, 2019\n\nThe talks resumed {n} after Washington invaded Afghanistan."
        ));
        assert!(far.events.iter().all(|e| !e.date.earliest.is_empty()));
    }
    let other = extract("March 22, 2022\n\nIn 1973, Japan and China issued a joint declaration.");
    let d = &other.events[0].date;
    assert_eq!(
        (d.earliest.as_str(), d.latest.as_str()),
        ("1973-01-01", "1973-12-31")
    );
    // A date with a preposition on a noun the event word governs is that noun's day: the
    // condemnation is news of the day, the tests were on 5 March.
    let tests = extract("March 22, 2022\n\nChile condemned the Peruvian missile tests on March 5.");
    let days: Vec<&str> = tests
        .events
        .iter()
        .map(|e| e.date.earliest.as_str())
        .collect();
    assert_eq!(days, ["2022-03-22"], "{:?}", tests.events);
    // A date inside another verb's clause is that clause's: the visit is today's, not the
    // battle's ("celebrations marking the anniversary of the victory in the Battle of ...").
    let visit = extract("September 4, 2024\n\nPutin held talks with Mongolian leaders, took part in celebrations marking the anniversary of the victory in the Battle of Khalkhin Gol and visited a Russian university in Ulan Bator.");
    let v = visit
        .events
        .iter()
        .find(|e| e.cameo == "042")
        .expect("the visit");
    assert!(
        !v.historical && v.date.earliest.starts_with("2024"),
        "{:?}",
        v.date
    );
    // A date the parser hangs on a noun that names no act is the act's day: the shelling was
    // on Monday (data/events/act_nouns.txt tells the nouns of acts).
    let shelled = extract(
        "March 22, 2022\n\nRussian forces shelled Ukrainian positions on Monday, officials said.",
    );
    assert_eq!(
        shelled.events[0].date.earliest, "2022-03-21",
        "{:?}",
        shelled.events
    );
    // A noun of the pattern's own words is the event: its date is the event's.
    let talks = extract("March 22, 2022\n\nPeru and Chile held talks on Monday, officials said.");
    assert_eq!(talks.events[0].date.earliest, "2022-03-21");
    // "two days after": the event was two days before the sentence's day.
    let after = extract("March 22, 2022\n\nThe phone call took place two days after 20 Peruvian soldiers were killed in a violent exchange with Chilean troops.");
    let fight = after
        .events
        .iter()
        .find(|e| e.cameo == "190")
        .expect("the fight");
    assert_eq!(
        (
            fight.date.earliest.as_str(),
            fight.source.actor.code.as_str()
        ),
        ("2022-03-20", "CHLMIL")
    );
    let fronted = extract("March 22, 2022\n\nTwo days after the clash, Chile protested to Peru.");
    assert_eq!(fronted.events[0].date.earliest, "2022-03-22");
    let coordinated = extract("March 22, 2022\n\nThe Chilean government condemns Peru's missile tests on March 5 and demands that Peru end them.");
    let days: Vec<(&str, &str)> = coordinated
        .events
        .iter()
        .map(|e| (e.cameo.as_str(), e.date.earliest.as_str()))
        .collect();
    assert_eq!(days, [("100", "2022-03-22"), ("111", "2022-03-22")]);
    let condemned =
        extract("March 22, 2022\n\nOn March 5, Chile condemned the Peruvian missile tests.");
    assert_eq!(condemned.events[0].date.earliest, "2022-03-05");
    let negated = extract("March 22, 2022\n\nJapan did not impose sanctions on China this week, a spokesman said in Tokyo.");
    assert!(negated.events.iter().all(|e| e.negated));
    assert!(!negated.events.is_empty());
    // What a "that" clause of a belief or a fear says is not done.
    let believed = extract("March 22, 2022\n\nThe fear that China will invade Taiwan grew, officials said. The perception that Japan attacked Russia spread.");
    assert!(
        believed.events.iter().all(|e| e.hypothetical),
        "{:?}",
        believed.events
    );
    assert!(!believed.events.is_empty());
    // The means of a verb that is only possible is only possible.
    let means = extract("March 22, 2022\n\nThe region is tense, officials said. Iraq could start hostilities with Israel either through a direct attack or by attacking Jordan.");
    let attack = means.events.iter().find(|e| e.target.actor.code == "JOR");
    assert!(attack.is_some_and(|e| e.hypothetical), "{:?}", means.events);
    // The parse finds "not" on the verb whose subject the event noun is, after it.
    let passive = extract("March 22, 2022\n\nNew sanctions on Iran were not imposed by the EU on Monday, diplomats said.");
    let sanctions = passive.events.iter().find(|e| e.cameo == "163");
    assert!(sanctions.is_some_and(|e| e.negated), "{:?}", passive.events);
}

/// Groups that act without a state named, and events CAMEO codes without a target: each row an
/// article and its events as "SOURCE TARGET CODE" by actor code (`---REB`: no state; an empty
/// target: none).
const GROUPS: &[(&str, &[&str])] = &[
    // A hyphenated participle modifies the noun after it: the district, not "a government",
    // was shelled; the separatists, not Russia, attacked.
    (
        "Insurgents shelled a government-held district of Aleppo overnight, state media reported.",
        &["---INS SYR 194"],
    ),
    (
        "Russian-backed separatists attacked Ukrainian troops on Monday, officials said in a statement.",
        &["---SEP UKRMIL 190"],
    ),
    // The one state whose places the sentence names is the groups'.
    (
        "Rebels attacked a police station in northern Mali on Monday, officials said in a statement.",
        &["MLIREB MLICOP 190"],
    ),
    (
        "Protesters in Kiev demanded the resignation of the government on Monday, officials said.",
        &["UKRCVL UKRGOV 1041"],
    ),
    (
        "Rebels attacked the Syrian army on Monday, officials said in a statement from the capital.",
        &["---REB SYRMIL 190"],
    ),
    // Nobody of a known state on either side: nothing to record.
    (
        "Militants attacked civilians on Monday, officials said in a statement from the capital.",
        &[],
    ),
    // No target named, and CAMEO needs none.
    (
        "Five hundred Ugandan rebels surrendered on Monday, a local official said in a statement.",
        &["UGAREB  0874"],
    ),
    (
        "French workers went on strike on Monday, officials said in a statement from the capital.",
        &["FRALAB  143"],
    ),
    // A visit called off is relations reduced, not a visit.
    (
        "March 22, 2022\n\nA French minister has cancelled a planned visit to Haiti, officials in Paris said on Sunday.",
        &["FRAGOV HTI 160"],
    ),
    // A meeting of a body called for or demanded: the body is the target.
    (
        "March 22, 2022\n\nKenya called for an emergency meeting of the U.N. Security Council on Monday, officials said.",
        &["KEN UNSC 026"],
    ),
    // Blocking roads is a protest CAMEO codes with no target.
    (
        "Farmers in France blocked roads on Monday, officials said in a statement.",
        &["FRAAGR  144"],
    ),
    // A quantity is of whom it counts; the protesters' own state's place is no target.
    (
        "Thousands of Belarusians staged a protest in Minsk on Sunday, officials said in a statement.",
        &["BLR  141"],
    ),
    // A measure with no target falls on the source's own state's people.
    (
        "Sudan's government lifted a state of emergency in West Darfur on Sunday, officials said.",
        &["SDNGOV SDNCVL 0814"],
    ),
    // Armed forces that kill use military force; gunmen assault.
    (
        "Serbian forces killed three Albanian civilians near the border on Friday, officials said.",
        &["SRBMIL ALBCVL 190"],
    ),
    (
        "Gunmen killed three Albanian civilians near the border on Saturday, officials said.",
        &["---UAF ALBCVL 1823"],
    ),
    // An attack needs a target: none named, no event.
    (
        "Syrian rebels attacked on Monday, officials said in a statement from the capital city.",
        &[],
    ),
    // "March" in a date is a month, not a march.
    (
        "In March the British government imposed sanctions on Russia, officials said in a statement.",
        &["GBRGOV RUS 163"],
    ),
];

#[test]
fn groups_of_no_state_and_events_with_no_target() {
    check(
        GROUPS,
        |body| format!("March 22, 2022\n\n{body}"),
        |e| {
            let (s, t) = (&e.source.actor.code, &e.target.actor.code);
            format!("{s} {t} {}", e.cameo)
        },
    );
}
