package people

// places are countries, regions and major cities: a capitalised place is
// never a person on its own, and a name does not end in one.
var places = words(`
	afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas
	bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil
	brunei bulgaria burkina burundi cambodia cameroon canada chad chile china colombia comoros congo
	croatia cuba cyprus czechia denmark djibouti dominica ecuador egypt eritrea estonia eswatini
	ethiopia fiji finland france gabon gambia georgia germany ghana greece grenada guatemala guinea
	guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica
	japan jordan kazakhstan kenya kiribati korea kosovo kuwait kyrgyzstan laos latvia lebanon
	lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives
	mali malta mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco
	mozambique myanmar burma namibia nauru nepal netherlands holland nicaragua niger nigeria norway
	oman pakistan palau palestine panama paraguay peru philippines poland portugal qatar romania
	russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia somalia spain
	sri lanka sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga
	trinidad tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela
	vietnam yemen zambia zimbabwe britain england scotland wales ulster uk usa america europe africa
	asia antarctica oceania arctic scandinavia balkans caribbean
	london paris berlin madrid rome brussels amsterdam vienna dublin edinburgh cardiff belfast
	glasgow manchester liverpool birmingham leeds sheffield bristol newcastle nottingham leicester
	southampton portsmouth brighton oxford cambridge york dover folkestone calais dunkirk boulogne
	lille lyon marseille nice toulouse bordeaux nantes strasbourg normandy brittany
	washington moscow beijing tokyo delhi mumbai shanghai sydney melbourne toronto montreal
	vancouver chicago boston houston dallas atlanta miami seattle denver detroit philadelphia
	baghdad kabul tehran damascus beirut jerusalem cairo istanbul ankara athens lisbon warsaw
	prague budapest bucharest sofia stockholm oslo copenhagen helsinki geneva zurich milan naples
	turin venice florence munich frankfurt hamburg cologne barcelona seville valencia rotterdam
	antwerp luxembourg kiev kyiv minsk riga tallinn vilnius johannesburg nairobi lagos dakar
	algiers tunis tripoli khartoum kinshasa riyadh dubai doha abu dhabi karachi lahore islamabad
	dhaka bangkok jakarta manila singapore seoul pyongyang hanoi hong kong taipei canberra auckland
	wellington mexico lima bogota santiago caracas havana quito kinross balado murrayfield
	wimbledon westminster whitehall brussels strasbourg hollywood manhattan brooklyn silicon
	swansea llanelli welshpool bedwellty finchley exeter kent sussex surrey essex yorkshire
	lancashire cornwall devon dorset hampshire norfolk suffolk cumbria durham merseyside
	midlands mediterranean channel atlantic pacific baltic adriatic aegean thames seine rhine
	danube nile sahara sahel gaza darfur kurdistan catalonia bavaria flanders wallonia corsica
	sicily sardinia crete siberia crimea chechnya kashmir tibet xinjiang hawaii alaska california
	texas florida york jersey virginia ohio michigan iraq-syria north south east west central
	northern southern eastern western middle`)

func init() {
	// Places of several words, folded.
	for _, p := range []string{"united kingdom", "united states", "united arab emirates", "united states of america",
		"middle east", "north africa", "new york", "los angeles", "south africa", "north korea", "south korea",
		"new zealand", "hong kong", "saudi arabia", "sri lanka", "costa rica", "el salvador", "abu dhabi"} {
		places[p] = true
	}
}

// demonyms are nationalities and the like: "French", "Kurdish", "Tory".
var demonyms = words(`
	afghan afghans albanian algerian american americans angolan argentine argentinian armenian
	australian austrian azerbaijani bangladeshi belarusian belgian bolivian bosnian brazilian
	british briton britons bulgarian burmese cambodian cameroonian canadian chadian chilean chinese
	colombian congolese croatian cuban cypriot czech danish dutch ecuadorian egyptian english
	eritrean eritreans estonian ethiopian european europeans filipino finnish french frenchman
	georgian german germans ghanaian greek guatemalan guinean haitian honduran hungarian icelandic
	indian indonesian iranian iranians iraqi iraqis irish israeli italian ivorian jamaican japanese
	jordanian kazakh kenyan korean kosovan kurd kurds kurdish kuwaiti kyrgyz lao latvian lebanese
	liberian libyan lithuanian luxembourgish macedonian malagasy malawian malaysian maldivian malian
	maltese mauritanian mexican moldovan mongolian montenegrin moroccan mozambican namibian nepalese
	nigerian nigerien norwegian omani pakistani palestinian panamanian paraguayan peruvian polish
	portuguese qatari romanian russian rwandan saudi scottish scots senegalese serbian slovak
	slovenian somali south-african spanish spaniard sudanese swedish swiss syrian syrians taiwanese
	tajik tanzanian thai tunisian turkish turks ugandan ukrainian uruguayan uzbek venezuelan
	vietnamese welsh yemeni zambian zimbabwean arab arabs arabic asian asians african africans
	western eastern northern southern muslim muslims christian christians jewish jew jews hindu
	sikh buddhist catholic protestant anglican sunni shia shiite latin hispanic nordic balkan
	deutsche deutscher
	tory tories labour conservative conservatives liberal liberals democrat democrats republican
	republicans socialist socialists communist green greens unionist nationalist lib dem dems
	gaullist centrist leftist englishman englishwoman scotsman scotswoman welshman welshwoman
	irishman irishwoman dutchman dutchwoman frenchwoman`)
