package people

import "strings"

// wordSet is a set of lower-case words.
type wordSet map[string]bool

// words builds the set of the words in lists. The lexicon is built at
// start-up, so the set is sized once and the lists are read in place.
func words(lists ...string) wordSet {
	n := 0
	for _, l := range lists {
		for range strings.FieldsSeq(l) {
			n++
		}
	}
	s := make(wordSet, n)
	for _, l := range lists {
		for w := range strings.FieldsSeq(l) {
			s[strings.ToLower(w)] = true
		}
	}
	return s
}

// honorifics precede a name and make it a person; the value is the gender
// they imply ('m', 'f' or 0).
var honorifics = map[string]byte{
	"mr": 'm', "mrs": 'f', "ms": 'f', "miss": 'f', "mx": 0, "dr": 0, "sir": 'm', "dame": 'f',
	"lord": 'm', "lady": 'f', "prof": 0, "professor": 0, "m": 'm', "mme": 'f', "mlle": 'f',
	"rev": 0, "reverend": 0, "baroness": 'f', "baron": 'm', "sheikh": 'm', "rabbi": 0,
	"monsieur": 'm', "madame": 'f', "herr": 'm', "frau": 'f', "señor": 'm', "senor": 'm', "señora": 'f',
}

// rankHonorifics are titles of rank: the people they name are not called
// "Mr" or "Mrs" in the same article ("Sir Ian Blair" is no "Mr Blair").
var rankHonorifics = words(`sir dame lord lady baroness baron`)

// plainHonorifics are the everyday honorifics.
var plainHonorifics = words(`mr mrs ms miss mx m mme mlle monsieur madame herr frau señor senor señora`)

// firstNameHonorifics go before a first name as a rule: "Sir Ian", "Dame
// Judi".
var firstNameHonorifics = words(`sir dame`)

// isHonorific reports whether t is an honorific: "M" counts only with its
// period ("M. Cazeneuve"), the others with or without one.
func isHonorific(t token) bool {
	if !t.word || !t.upper {
		return false
	}
	if t.lower == "m" {
		return t.dot
	}
	_, ok := honorifics[t.lower]
	return ok && !t.allCaps
}

// titleHeads are the nouns a role title ends with ("Interior Minister",
// "police chief", "France director").
var titleHeads = words(`minister ministers secretary mayor chief leader chairman chairwoman chairperson chair
	president vice-president chancellor premier spokesman spokeswoman spokesperson director
	coordinator co-ordinator head editor correspondent reporter analyst economist mp mep msp
	senator congressman congresswoman governor commissioner ambassador envoy judge coach captain
	manager executive ceo cfo coo officer general commander inspector superintendent constable
	prosecutor lawyer solicitor barrister attorney candidate deputy adviser advisor founder
	co-founder owner king queen prince princess pope bishop archbishop cardinal professor
	campaigner activist student striker midfielder defender goalkeeper forward flanker winger
	fly-half scrum-half prop lock hooker centre full-back seed champion singer actor actress
	producer presenter host writer author novelist comedian artist boss treasurer whip
	negotiator strategist researcher scientist economist diplomat sheriff councillor
	chairmen principal dean qc kc pm rector mp's organiser organizer co-ordinator secretary-general
	trader banker investor consultant partner president-elect controller auditor registrar
	undersecretary under-secretary commissioner-general spokesmen chieftain emir sultan
	soulman frontman frontwoman guitarist drummer bassist vocalist rapper dj composer
	conductor photographer designer architect engineer surgeon physician doctor nurse
	priest imam cleric vicar pastor chaplain teacher headteacher headmaster headmistress
	secretary-general regulator ombudsman auditor-general comptroller governor-general
	coordinator-general marshal admiral colonel major captain lieutenant sergeant corporal
	private brigadier commandant warden mayor-elect councilman alderman delegate
	representative rep legislator lawmaker politician peer baronet earl duke duchess count
	countess viscount marquess chairman-elect boss manager-general`)

// occupationHeads are nouns for what a person does that count as a title
// head only in lower case ("Hollywood star Pierce Brosnan", "Ballymena
// sprinter Paul Brizzel"): capitalised, they are surnames as often ("Gary
// Player", "Minnie Driver").
var occupationHeads = words(`star superstar sprinter athlete runner hurdler jumper thrower
	medallist medalist olympian player holder hopeful boxer golfer jockey trainer
	cyclist swimmer skater skier rider driver batsman bowler keeper skipper
	playwright screenwriter filmmaker film-maker dancer musician pianist violinist cellist
	businessman businesswoman entrepreneur tycoon magnate billionaire millionaire philanthropist
	academic historian lecturer psychologist sociologist criminologist pollster blogger
	broadcaster commentator columnist journalist critic pundit chef model supermodel
	footballer cricketer sportsman sportswoman tennis-player referee umpire`)

// isHeadWord reports whether a folded word is a title head in any case.
func isHeadWord(w string) bool { return titleHeads[w] || occupationHeads[w] }

// relationNouns before a name show that it names a person without being a
// title of theirs: "his co-star Natalie Portman", "team-mate Paul Rowan".
var relationNouns = words(`wife husband son daughter brother sister father mother grandson granddaughter
	grandmother grandfather uncle aunt nephew niece cousin girlfriend boyfriend fiancee fiancée fiance
	fiancé widow widower team-mate teammate opponent colleague compatriot countryman
	countrywoman aide ally friend successor predecessor stepson stepdaughter twin mentor protege
	protégé understudy co-star`)

// titlesNotBeforeName are heads that rarely stand before a name as a title
// ("the chief executive ... " is fine, "major Smith" is not a rank in news prose
// written in lower case), so they need a capital letter to count there.
var titlesNotBeforeName = words(`major private general count lock prop centre forward host head partner
	representative delegate peer doctor nurse student`)

// roleModifiers are lower-case words that may stand inside a role title
// before its head ("shadow immigration minister", "police chief").
var roleModifiers = words(`shadow immigration home foreign interior defence defense health education
	transport environment justice finance culture sport sports trade industry energy housing work
	pensions security treasury employment europe european agriculture media economic economics
	communities police party prime deputy junior chief senior former acting general vice executive
	managing world number one first second third fourth fifth sixth seventh eighth top star
	election campaign press communications government opposition union team national regional
	local state county city club store shop festival policy assistant interim joint associate
	co-operative technical sporting football rugby cricket tennis golf fire army navy military
	intelligence border immigration-and-security financial legal political commercial
	marketing sales research science technology digital tourism fisheries rural welfare
	social equality equalities women's children's family families constitutional northern
	scottish welsh irish chief-executive human rights civil service news business music film
	arts foreign-affairs international affairs development planning public private railway
	rail airline bank central cabinet trade-union general-secretary parliamentary permanent
	under ex former-`)

// orgWords mark a capitalised sequence as an organisation or a thing rather
// than a person.
var orgWords = words(`committee ministry office agency union party council commission force watch group
	association federation news bank corporation ltd inc plc company co corp club university
	college school institute foundation trust fund society department authority board court
	parliament assembly government police service services network times post express telegraph
	guardian mail journal herald tribune gazette press radio tv television airlines airways
	motors holdings partners capital industries systems technologies records studios pictures
	entertainment media research observers church mosque synagogue temple cathedral hospital
	museum theatre theater cup open championship championships league festival awards award
	street road avenue square lane bridge station airport port house hall palace centre center
	stadium arena park tower tunnel programme programmes program plan scheme bill act week unit
	coalition alliance movement front army navy guard command bureau exchange index prize games
	olympics tournament report outlook organisation organization institution charity trust
	council's foundation co-operative cooperative bureau magazine review weekly daily sunday
	limited llc gmbh sa ag nv bv pty group's congress senate cabinet republic kingdom states
	nations empire dynasty administration embassy consulate tribunal prison jail academy
	laboratory laboratories labs energy oil gas petroleum pharmaceuticals airline railways rail
	communications telecom telecoms mobile software electronics computers insurance securities
	investments bancorp financial brewery brewing foods stores supermarkets retail marks
	brothers bros associates consulting solutions global international worldwide ventures
	reserve treasury directorate secretariat mission operations select watchdog regulator
	initiative project campaign day fair show series party's agency's ltd. inc. fc afc rfc
	united city rovers wanderers athletic hotspur albion county villa sporting dynamo
	boulevard highway motorway way drive place crescent terrace gardens market quay wharf
	building buildings estate valley island islands mountains hills river lake sea ocean bay
	coast gulf strait channel canal forest desert peninsula province district borough ward
	county shire region territory state castle abbey towers gardens`)

// stopWords are capitalised only because they start a sentence or a
// heading; they never belong to a name.
var stopWords = words(`the a an this that these those it its he she they we i you his her their our my your
	him them us me there here but and or nor so if when while as at in on of for from to by
	with after before since until during despite although though however meanwhile also yet
	still now then today tonight yesterday tomorrow last next some many most all both each
	every no not neither other another such what who whom whose which where why how whether
	asked speaking according responding reacting agreeing following among along under over
	only even just instead certainly perhaps unlike like between within without against
	through across around once twice former ex prospective previously currently recently
	earlier later finally firstly secondly thirdly moreover furthermore indeed overall please
	thanks thank yes  oh dear welcome sources officials critics ministers campaigners
	researchers analysts experts shares tickets profits inflation mps police is are was were
	be been being has have had do does did will would can could should shall might must
	let let's one two three four five six seven eight nine ten more less few several any
	again ahead above below up down out off away back into onto upon about beyond near
	very much too quite rather already always never often sometimes usually perhaps maybe
	nevertheless nonetheless otherwise therefore thus hence accordingly consequently
	besides anyway instead regardless whereas whilst unless except because although
	dear hello hi goodbye sorry ok okay no yes not new      
	first second third fourth fifth        breaking update
	updated exclusive analysis comment opinion   listen   photo video
	audio picture image gallery related more latest  most popular just in news
	ask say tell says said told added stated according`)

// speechVerbs follow or precede a speaker's name ("Mr Alegre said",
// "said Ian Fogg").
var speechVerbs = words(`said says told added insisted insists argued argues warned warns stated states
	explained explains claimed claims admitted admits acknowledged acknowledges noted notes
	wrote writes asked asks replied replies confirmed confirms denied denies suggested
	suggests believes thinks announced announces revealed reveals urged urges called calls
	added adds continued continues recalled recalls told tells commented comments declared
	declares maintained maintains stressed stresses explained agreed agrees accepted accepts
	welcomed welcomes criticised criticises criticized criticizes conceded concedes vowed
	vows promised promises predicted predicts estimated estimates reported reports remarked
	observed pointed responded responds hit highlighted highlights`)

// inversionVerbs stand before a speaker in an inverted attribution ('",
// said Ian Fogg'); "told X" names a listener, not a speaker.
var inversionVerbs = words(`said says added adds insisted insists admitted admits explained explains stated
	acknowledged asked asks continued continues wrote writes noted notes argued argues claimed
	claims replied replies warned warns observed remarked conceded concedes recalled recalls`)

// auxiliaries end an apposition ("David Hanson, Labour's shadow immigration
// minister has said").
var auxiliaries = words(`has have had is was were are will would can could should may might must said
	says told added did does do who which that whose whom when where while and but or`)

// nameParticles may stand in lower case inside a name ("David dal Maso",
// "Charles de Gaulle").
var nameParticles = words(`de del della dal da di du van von der den le la bin ibn al el ter dos das do y zu`)

// acronymsNotOrgs are capitalised abbreviations that name no organisation.
var acronymsNotOrgs = words(`UK US USA GB TV GMT BST CET UTC CEO CFO COO CTO MP MPs MEP MSP QC KC OK AM PM
	AD BC II III IV VI VII VIII IX XI XII XIII DJ PR IT HR ID PC DVD CD CDS GDP GNP VAT IPO
	EU's UK's US's UAE NHS's FAQ PDF HTML URL AIDS HIV SARS NGO NGOs AKA LGBT LGBTQ RIP
	PS ASAP USB DNA RNA MBA PHD BA MA MSC BSC RAF`)

// months and days are never people on their own ("on May 31", "in May").
var months = words(`january february march april may june july august september october november december
	jan feb mar apr jun jul aug sep sept oct nov dec`)

var days = words(`monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun`)

// datePrepositions before a month word make it the month: "in May", "on May 31".
var datePrepositions = words(`in on of since until till by from to last next early late mid during before after
	this that every each throughout between end start beginning`)

// personNouns after "a"/"an" in an apposition describe a person ("Kalan
// Kawa Karim, an Iraqi Kurd").
var personNouns = words(`man woman boy girl father mother son daughter brother sister husband wife widow
	widower grandmother grandfather resident citizen national refugee migrant pensioner teenager
	kurd veteran friend neighbour neighbor colleague member supporter fan victim survivor
	mother-of-two father-of-two youngster child baby cousin uncle aunt nephew niece grandson
	granddaughter girlfriend boyfriend fiancee fiancée partner`)

// clauseVerbs introduce a role in a relative clause ("who served as Home
// Secretary"); the value tells a past role.
var clauseVerbs = map[string]bool{
	"served": true, "was": true, "had": true, "became": true, "worked": true, "acted": true,
	"serves": false, "is": false, "has": false, "remains": false, "works": false, "becomes": false,
}

// personShapedOrgs are organisations named like people: "Morgan Stanley"
// is a bank, not a Morgan.
var personShapedOrgs = words()

func init() {
	for _, n := range []string{"morgan stanley", "dow jones", "walt disney", "grant thornton", "christian aid",
		"john lewis", "charles schwab", "jp morgan", "marks spencer", "hugo boss",
		"jimmy choo", "merrill lynch", "goldman sachs", "ralph lauren", "calvin klein", "louis vuitton",
		"christian dior", "estee lauder", "tommy hilfiger", "ernst young", "alfa romeo", "aston martin",
		"ben jerry", "johnson johnson", "procter gamble", "smith nephew", "dean witter", "lazard freres",
		"john deere", "harley davidson", "rolls royce", "william hill", "warner bros", "dolce gabbana"} {
		personShapedOrgs[n] = true
	}
}
