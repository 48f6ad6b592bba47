package people

// givenNames are common first names across the languages news reports
// name people in. A capitalised word from this list followed by a
// capitalised surname is a person; it is evidence, not a requirement: names
// not listed are found from honorifics, titles, appositions and speech.
var givenNames = words(`
	aaron abby abdul abdullah abe abigail abraham ada adam adele adrian adriana agnes ahmed ahmad
	aidan aileen aisha alain alan alastair albert alberto alec alejandro aleksandr alessandro alex
	alexander alexandra alexandre alexei alexis alfie alfred alfredo ali alice alicia alison alistair
	allan allen alma alvaro amanda amber amelia amir amit amy ana anastasia anders andre andrea
	andreas andrei andres andrew andrzej andy angel angela angelica angelina angelo angie angus anita
	ann anna anne annette annie anthony anton antonio antoine antonia april archie arianna ariel arlene
	armando arnaud arnold arthur arturo ashley ashok audrey august augusto aurelie austin ayesha
	barack barbara barney barry bart basil beatrice beatriz becky belinda ben benedict benedicte
	benjamin benoit bernadette bernard bernardo bernie bert beth betty beverley bill billy bjorn
	blake bob bobby bonnie boris brad bradley brandon brenda brendan brian bridget brigitte britney
	bruce bruno bryan burt byron caitlin callum calvin cameron camilla candice cara carl carla
	carlo carlos carmen carol caroline carolyn carrie cassandra catherine cathy cecilia cedric
	celine charlene charles charlie charlotte chelsea cher cheryl chloe chris christian christina
	christine christoph christophe christopher cindy claire clara clare clarence claude claudia
	clement cliff clifford clint clive colin colleen connor conor constance corinne craig cristian
	cristiano cristina curtis cynthia cyril daisy dale damian damien damon dan dana daniel daniela
	daniele danielle danny dario darren dave david dawn dean debbie deborah declan delia denis
	denise dennis derek desmond diana diane dick didier diego dimitri dimitris dina dmitry dolores
	dominic dominique don donald donna doreen doris dorothy doug douglas duncan dustin dwight
	earl ed eddie edgar edith edmund eduardo edward edwin eileen elaine eleanor elena eli elias
	elisabeth elise eliza elizabeth ella ellen elliot elliott elsa elton emile emilia emilio emily
	emma emmanuel emmanuelle enrique eric erica erik erika ernest ernesto ernie esther ethan
	eugene eva evan evelyn fabian fabien fabio faisal farah fatima federico felicity felipe felix
	fernando fiona florence florian fran frances francesca francesco francis francisco francois
	francoise frank frankie franz fred freddie frederic frederick frederik gabriel gabriela
	gabrielle gareth garry gary gavin gemma gene geoff geoffrey george georges georgina gerald
	gerard gerhard gerry gianni gideon gilbert gilles gillian gina giorgio giovanni gisele giuseppe
	glen glenn gloria gordon grace graham grant greg gregor gregory guido guillaume gunter gustavo
	guy gwen gwyneth hamid hamza hank hannah hans harold harriet harris harrison harry harvey hasan
	hassan hayley hazel heather hector heidi heinz helen helena helene helmut henri henrietta henrik
	henry herbert herman hilary hillary holly horst howard hubert hugh hugo hussein iain ian ibrahim
	igor ingrid irene iris isaac isabel isabella isabelle ismail ivan ivana ivor jack jackie jacob
	jacqueline jacques jade jake james jamie jan jane janet janice jared jason javier jay jean
	jean-claude jean-luc jean-marc jean-marie jean-paul jean-pierre jeanette jeanne jeff jeffrey
	jemima jenna jennifer jenny jens jeremy jerome jerry jess jesse jessica jill jim jimmy jo joan
	joanna joanne joachim joao jocelyn jodie joe joel johan johann johanna john johnny jon jonah
	jonathan jordi jorge jose josef joseph josephine josh joshua josé juan juanita judith judy
	jules julia julian juliana julie julien juliet julio justin kamal karen karim karin karl
	kate katherine kathleen kathryn kathy katie katrina kay keith kelly ken kenneth kerry
	kevin khalid kieran kim kirsty klaus kofi kurt kyle lana lance lara larry laura lauren laurence
	laurent lawrence lee leila len lena leo leon leonard leonardo leslie lewis liam lily linda
	lindsay lindsey lionel lisa liz lizzie lloyd lois lorenzo lorna lorraine louis louisa louise
	luc luca lucas lucia luciano lucy luigi luis luisa luke lydia lynn lynne madeleine madonna
	magnus mahmoud malcolm manuel manuela marc marcel marco marcus margaret margarita margot maria
	mariana marianne marie marilyn mario marion marjorie mark marlene martha martin martina marty
	marvin mary matt matteo matthew matthias maureen maurice mauricio mauro max maxim maxime maxine
	megan mehmet mel melanie melinda melissa mervyn mia michael michaela michel michele
	michelle miguel mikael mike mikhail milan miles miranda miriam mohamed mohammad mohammed
	moira monica monique morgan muhammad murray mustafa nadia nancy naomi natacha natalia natalie
	natasha nathalie nathan neil nelson niall nicholas nick nicky nicola nicolas nicole nigel
	nikolai nina noah noel nora norman oliver olivia olivier omar oscar owen pablo paddy paloma
	pamela paolo pascal pat patricia patrick patrizia paul paula pauline pedro peggy penelope penny
	pete peter petra phil philip philippa philippe phillip phoebe pierre piers pietro polly
	priscilla priti rachel rafael rafa rahul raj rajesh ralph ramon randy raphael raquel raul
	ray raymond rebecca reg reginald rene renee rhys ricardo richard rick ricky rishi rita rob
	robbie robert roberta roberto robin rod rodney rodrigo roger roland rolf romain ron ronald
	ronnie rory rosa rosalind rose rosemary ross roy ruby rudolf rudy rupert russell ruth ryan sabine
	sadiq saeed salim sally salman sam samantha sami samir samuel sandra sandy sara sarah sasha
	saul scott sean sebastian serena sergei sergey sergio seumas shane shannon sharon shaun sheila
	shirley sian sid sidney silvio simon simone sofia solomon sonia sophie stacey stan stanley
	stefan stefano stella stephan stephane stephanie stephen steve steven stewart stuart sue
	sunil susan susanne suzanne sven sylvia sylvie tamara tanya tara ted teresa terence
	terry tessa theo theodore theresa thierry thomas tim timothy tina toby todd tom tomas tommy
	toni tony tracey tracy trevor tristan troy tyler ulrich ursula uwe valentina valerie vanessa
	vera veronica vicky victor victoria viktor vince vincent vincenzo virginia vivian vladimir
	wade walter wayne wendy werner wes wesley will william willie wilson winston wolfgang xavier
	yann yannick yasmin yusuf yves yvette yvonne zac zach zachary zoe zoran
	abdel abdelaziz abu akbar ali-reza anwar arif ashraf aziz bashar bilal farid fawad habib
	hakan hani hashem hosni imran jamal javed kemal mahmud majid mehdi mohsen mourad nabil nasser
	nawaz nour omid osama rachid rashid recep reza riad saad saddam samira shahid sharif
	tariq walid yasser yousef youssef zaid zainab
	akira hiroshi junichiro kenji koji naoto shinzo taro yoshihiko yuki yukio
	deng hu jiang li liu wang wen xi zhou
	abhishek amitabh anand arjun deepak gautam indira lakshmi manmohan narendra priya rahul
	rajiv ravi sachin sanjay shah sonia vijay
	kwame nelson olusegun thabo jacob desmond ngozi chinua wole goodluck muhammadu uhuru
	raila yoweri paul
	angela gerhard helmut joschka jurgen jürgen karl-heinz olaf annegret ursula horst
	nicolas francois françois jacques lionel segolene ségolène dominique manuel edouard édouard
	gerald gérald bernard laurent emmanuel christiane rachida valery valéry benedicte bénédicte
	silvio romano giulio matteo enrico mario sergio beppe giorgia
	jose luis josé maria maría mariano pedro felipe alfredo esperanza soraya pilar
	vladimir dmitry sergei mikhail boris alexei yulia viktor petro volodymyr
	lech donald jaroslaw jarosław beata mateusz andrzej
	recep ahmet abdullah binali 
	jordi rainer joachim cristian jan-willem wim ruud marten
	geert pim jean-claude herman mark
	tiger serena venus andre lleyton roger rafael novak andy tim lindsay monica steffi
	wayne david thierry zinedine ronaldo ronaldinho cristiano lionel diego pele jose arsene sven
	alex kenny ryan frank sol rio ashley jermain jermaine emile jonny jonny lawrence
`)
