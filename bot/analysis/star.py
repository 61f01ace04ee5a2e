"""Situation, Task, Action, Result: which parts the story has, with the sentences that show it.

Each part gets a 0-1 score from its cues; a part is present at 0.5 or more. Headings such as
"S:" or "**Result**" count as evidence for their section, but only when the section has
something to say.
"""

from __future__ import annotations

import re

from bot.analysis.cues import phrases
from bot.analysis.indexed import indexed
from bot.analysis.learning import is_lesson
from bot.analysis.metrics import metrics_by_sentence
from bot.analysis.models import Star, StarPart
from bot.analysis.narrative import INTENTION, i_actions
from bot.analysis.text import Document, Sentence

_ROLE_NOUN = (
    r"(?:manager|lead|leader|engineer|developer|dev|analyst|nurse|teacher|supervisor|director|"
    r"owner|designer|coordinator|officer|head|scientist|pharmacist|accountant|picker|operator|"
    r"student|intern|consultant|assistant|associate|executive|specialist|administrator|admin|"
    r"architect|founder|co-?founder|cto|ceo|cfo|coo|vp|pm|rep|representative|agent|volunteer|"
    r"liaison|educator|physiotherapist|therapist|clerk|cashier|driver|technician|tech|sre|"
    r"contractor|researcher|tutor|mentor|chair|captain|organi[sz]er|buyer|planner|controller|"
    r"editor|writer|journalist|lawyer|paralegal|attorney|doctor|physician|resident|surgeon|"
    r"medic|paramedic|midwife|carer|caregiver|aide|chef|cook|waiter|server|bartender|"
    r"barista|host|receptionist|programmer|tester|qa|scrum master|product owner|exec|gm|"
    r"key-?holder|generalist|estimator|assistant|specialist|officer|agent|"
    r"on-call|oncall|responder|secondary|primary|member|employee|hire|apprentice|trainee|"
    r"partner|principal|president|treasurer|secretary|advisor|adviser|counsel(?:l)?or|"
    r"instructor|professor|lecturer|ta|phd|postdoc|fellow|officer|steward|foreman|"
    r"superintendent|inspector|auditor|bookkeeper|banker|trader|broker|underwriter|"
    r"recruiter|marketer|salesperson|seller|merchandiser|cofounder|founding|worker|"
    r"operative|handler|dispatcher|scheduler|estimator|surveyor|welder|electrician|"
    r"plumber|mechanic|machinist|pilot|attendant|guard|librarian|coach|counsellor|"
    r"person|one)"
)
_ROLE = indexed(
    r"(?<![\w'])(?:i (?:was|am|had been|have been|became|was promoted to|was made|"
    r"was hired as|joined as|started as|came in as|served as)|i'm|i've been|me as)\s+"
    r"(?:[\w/&'-]{1,30}\s+){0,3}?" + _ROLE_NOUN + r"s?\b"
    r"|(?<![\w'])(?:(?:i (?:was|am|had been|have been|became|was promoted to|was made|"
    r"was hired as|joined as|started as|came in as|served as)|i'm|i've been|me as)\s+"
    r"(?:a|an|the|one of (?:the|two|three|four|five|six|\d+)|part of (?:the|a)|their|our|its)"
    r"|(?:worked|work|working|serve|served|started|joined|volunteer|volunteered) as"
    r"(?: a| an| the)?"
    r"|(?:^|, |\band )as (?:a|an|the)|^as)\s+"
    r"(?:[\w/&'-]{1,30}\s+){0,4}?" + _ROLE_NOUN + r"s?\b"
    r"|(?<![\w'])i (?:teach|nurse|tutor|coach|mentor|manage|supervise|work (?:nights|days|"
    r"weekends|evenings|shifts|part-time|full-time|as|in|at|for|on)|was (?:teaching|managing|"
    r"leading|running|coordinating|supervising|working as|covering|handling|in charge))\b"
    r"|(?<![\w'])i(?:'m| am| was) (?:working on|on call|on the \w+ (?:desk|team|rota|shift)|"
    r"the (?:\w{1,30} )?on call|on the (?:\w{1,30} )?rotation)"
    r"|(?<![\w'])i worked (?:the |tier|a |nights|days|weekends)"
    # Titles the list does not know, by their shape: "I was the learning technologist at…".
    r"|(?<![\w'])i (?:was|am|had been|have been|worked as|started as|joined as) (?:a|an|the) "
    r"(?:[\w/&'-]{1,30} ){0,2}?[a-z-]{3,}(?:ist|ian|or|er|eer|ant|ent|ee)s? (?:at|in|for|on|with|of)"
    r" (?:a|an|the|our|my|one|two|\w+'s)\b"
    # A bare title opening the answer: "Cashier at a high street bank.", "Year 11 English teacher."
    r"|^(?!(?:our|my|the|their|his|her|a|an|this|that)\b|[a-z]+ed\b)(?:[\w-]+ ){0,3}" + _ROLE_NOUN
    + r"s?(?: (?:at|in|for|on|with) (?:a|an|the|our)\b|[.,:;]|$)"
    r"|\bas (?:a|an) (?:[\w/&'-]{1,30} ){0,2}?" + _ROLE_NOUN + r"s?\b"
    r"|\bas (?:[\w/&'-]{1,30} ){0,2}?" + _ROLE_NOUN + r" (?:at|for|in|of|on) (?:a|an|the|our|my)\b"
    # A job named by the work and the employer: "I did DevOps for a fintech company".
    r"|(?<![\w'])i (?:did|do|worked|work|reported|wrote|covered|drove|cooked|cleaned|taught) "
    r"(?:[\w/&'-]{1,30} ){0,4}?(?:for|at|on|in) (?:a|an|the) (?:[\w/&'-]{1,30} ){0,4}?(?:company|"
    r"firm|agency|startup|site|hospital|school|university|bank|store|shop|warehouse|clinic|"
    r"restaurant|hotel|factory|plant|centre|center|office|lab|council|department|newspaper|"
    r"magazine|station|airline|retailer|provider|platform|charity|trust|practice|studio|publisher|"
    r"insurer|network|installer|supplier|farm|ward|desk|business|chain|consultancy)\b"
    r"|\b(?:job|role|time|year|stint|days|position|area) as (?:a |an |the |our |their )?"
    r"(?:[\w/&'-]{1,30} ){0,2}?(?:" + _ROLE_NOUN[3:-1] + r"|[a-z-]{3,}(?:ist|ian|or|er|eer|ant|ent|"
    r"ee))s?\b"
    r"|^(?:[\w-]+ ){0,3}(?:lead|manager|supervisor|engineer|analyst|nurse|teacher|officer|"
    r"operator|developer|designer|coordinator|assistant|agent|planner|estimator|accountant) "
    r"(?:at|in|for|on) (?:a|an|the|our)\b"
)
_TASK = phrases(
    r"my (?:role|job|task|goal|aim|target|objective|responsibility|remit|brief|mandate|part|"
    r"mission|assignment|focus|area|piece|side|call|decision)(?: here| there| in this| that "
    r"\w+)? (?:was|is|became|:)",
    r"i was (?:asked|assigned|tasked|given|responsible|in charge|accountable|hired|brought in|"
    r"chosen|put in charge|appointed|picked|nominated|the one (?:who|responsible)|on the hook|"
    r"expected|supposed|told to|charged with|handed)",
    r"i (?:owned|own|run|ran|manage|managed|led|lead|oversaw|oversee|handled|handle|coordinated|"
    r"coordinate|organi[sz]ed|organi[sz]e|supervised|supervise|chaired|chair|"
    r"looked after|look after|was running|am running) (?!to |\d|two |three |four |five |"
    r"several |some |a few |one |into |out |through |across |the numbers|it by )[\w-]+",
    r"i(?:'m| am) (?:responsible|accountable|in charge)", r"(?:it|this|that|fixing \w+) (?:was|is) "
    r"(?:on me|mine|my (?:job|call|responsibility|problem|decision|thing|project|area))",
    r"(?:was|is) mine to", r"i took (?:it|this|that|the \w+) on", r"i took (?:on|over|charge|"
    r"ownership|responsibility)", r"i volunteered", r"i stepped (?:in|up)",
    r"i set (?:myself|a|the|my) (?:\w{1,30} )?(?:goal|target|aim|deadline|objective)",
    r"(?:i|we) (?:needed|had) to (?:get|deliver|make|find|fix|figure|reduce|improve|cut|bring|"
    r"hit|keep|move|ship|build|decide|choose|recover|save|close|explain|raise|launch|hire|"
    r"turn|stabili[sz]e|rebuild|migrate|prepare|finish|convince|train)",
    r"i wanted to (?:get|make|reduce|improve|cut|bring|hit|prove|fix|find|understand|rule "
    r"out|turn|see|build|know|win|raise)",
    r"(?:the|our) (?:goal|target|objective|aim|brief|mandate|ask) (?:was|for \w+ was|:)",
    r"i told (?:my|the) (?:manager|boss|lead) i (?:want|would)", r"(?:asked|wanted|needed) me to",
    r"i (?:was|am) (?:the|a|an) (?:\w{1,30} )?(?:one|person) (?:who|responsible)",
    r"so (?:it|this) was (?:on me|mine|my)", r"it's on me", r"i(?:'d|'ll| would|"
    r" will) own", r"i agreed to", r"i offered to",
    r"i committed to", r"i promised", r"(?:take|took|taking) (?:it|this|that) on",
    r"^(?:ran|owned|led|managed|organi[sz]ed|coordinated|worked) (?:the|a|an|our|my)",
)
_NEGATED_TASK = phrases(r"(?:nobody|no one|never) (?:\w{1,30} )?asked me", r"wasn't (?:\w{1,30} )?my job")
_SETTING = phrases(
    r"(?:at|for|on|inside) (?:my|a|an|our|the|one) (?:[\w/+&'-]+ ){0,5}?(?:job|company|employer|"
    r"startup|start-up|app|network|installer|supplier|operator|reseller|insurer|utility|trust|"
    r"practice|surgery|lab|studio|chain|scale-?up|wholesaler|cooperative|co-?op|nursery|"
    r"dealership|garage|airport|hotel|site|"
    r"firm|agency|hospital|school|university|college|store|shop|warehouse|bank|clinic|"
    r"restaurant|hotel|factory|plant|centre|center|office|lab|team|org|organi[sz]ation|"
    r"retailer|provider|platform|site|depot|ward|unit|library|charity|nonprofit|non-profit|"
    r"consultancy|business|place|work|internship|role|hackathon|distributor|manufacturer|"
    r"marketplace|group|chain|brand|department|council|municipality|authority|home|camp|"
    r"club|event|conference|festival|market|farm|port|station|court|prison|base|kitchen|"
    r"bar|pub|church|ngo|registry|gallery|museum|theatre|theater|venue|fair|capstone|"
    r"course|class|module|programme|program|project|bootcamp|branch|outlet|mall|"
    r"publisher|newspaper|studio|academy|gym|pharmacy|bakery|cafe|café|supermarket|carrier|"
    r"airline|insurer|fintech|saas)",
    r"(?:when|while) i (?:was|worked|joined|started|ran|led|managed|moved|took over)",
    r"in the (?:first|second|third|fourth|final|last) (?:year|month|week|term) of",
    r"in my (?:previous|last|current|first|second|third|old|former) (?:job|role|position|"
    r"company|year|team)",
    r"(?:this|it) (?:was|happened) (?:at|in|when|during|back|last|on)",
    r"i (?:was|am|work|worked) (?:at|in|on|for) (?:a|an|the|my|our)",
    r"during (?:my|the|a|our|an)", r"our (?:team|company|store|school|ward|site|product|app|"
    r"platform|service|department|clinic|shop|startup|business|client|customer|hospital|"
    r"office|warehouse|unit|region|organi[sz]ation|group|lab|biggest) (?:[\w'-]{1,30} ){0,3}?"
    r"(?:had|was|were|has|is|needed|kept|got|went|started|ran|used|did|didn't|wasn't|"
    r"couldn't|lost|missed|faced|received)",
    r"(?:we|they|i) (?:had|were|was) (?:about|around|only|just)? ?\d[\d.,]*",
    r"i (?:joined|inherited|took over|started at|moved to)",
    # The organisation as the setting: "we were the growth team at…", "we were a tier-2 supplier",
    # "I worked in retention at a mobile network".
    r"we were (?:a|an|the) (?:[\w/+&'-]+ ){0,3}?(?:team|supplier|company|startup|agency|firm|shop|"
    r"practice|crew|unit|department|vendor|contractor|consultancy|charity|business)",
    r"i (?:worked|work|was working) in (?:[\w/+&'-]+ ){1,3}?(?:at|for) (?:a|an|the|our)",
    r"^(?:a|an|the|our|my) (?:[\w/+&'-]+ ){0,4}?(?:company|firm|client|customer|hospital|school|"
    r"supplier|vendor|agency|charity|council|manufacturer|retailer|bank|insurer) (?:had|was|were|"
    r"sent|asked|wanted|needed|hired|came|called|emailed|ran|launched|decided)",
    r"i (?:managed|ran|led|owned|opened|run|manage|lead|own|supervised|coordinated|"
    r"volunteer|volunteered|maintained|looked after) (?:with |at |for )?(?:a|an|the|our|my|"
    r"two|three|four|five|six|\d+)\b",
    r"(?:my|our|the) (?:manager|lead|boss|director|client|customer|ceo|head|team|company|"
    r"school|hospital|store) (?:\w{1,30} )?(?:wanted|asked|needed|decided|was|were|had|told|"
    r"announced|introduced|launched|planned)",
    r"^our (?:[\w'-]{1,30} ){0,4}?(?:had|was|were|has|is|kept|needed|started|got|went)\b",
    r"^(?:we|i) (?:were|was) (?:\w{1,30} )?(?:rebuilding|building|moving|launching|migrating|"
    r"running|preparing|redesigning|working|trying|hosting|planning|applying|scaling|growing|"
    r"losing|getting|replacing|rolling|switching|implementing|introducing|doing)",
    r"there (?:was|were) (?:a|an|this|one|some)",
    r"(?:team|group|squad) \(?(?:of )?\d+ of us",
)
# Broader ways of placing the story: an organisation named after any preposition ("for a
# literacy charity", "on the investigations desk"), a role with its place, a team's size.
_PLACE_NOUN = (
    r"(?:company|startup|start-up|firm|agency|hospital|school|university|college|store|shop|"
    r"warehouse|bank|clinic|restaurant|hotel|factory|plant|centre|center|office|lab|team|"
    r"organi[sz]ation|retailer|provider|platform|site|depot|ward|unit|library|charity|"
    r"nonprofit|non-profit|consultancy|business|department|council|authority|home|club|"
    r"newspaper|studio|academy|gym|pharmacy|supermarket|airline|insurer|fintech|saas|hub|desk|"
    r"contractor|grocer|shelter|trust|practice|surgery|nursery|kitchen|venue|brand|chain|"
    r"app|marketplace|publisher|manufacturer|distributor|hospice|helpline|call centre|"
    r"contact centre|squad|crew|programme|program|project|module|course|capstone)"
    # "our platform lead" names a person, not a place.
    r"(?! (?:lead|leads|manager|director|engineer|owner|head|coordinator|officer)\b)"
)
_CONTEXT = phrases(
    r"(?:for|in|on|with|inside|within|across) (?:my|a|an|our|the|one|this|that) "
    r"(?:[\w/&'-]+ ){0,4}?" + _PLACE_NOUN,
    r"i(?:'m| am| was| worked as| work as) (?:a|an|the) (?:[\w/-]+ ){1,3}?(?:at|for|in|on|with|of) "
    r"(?:a|an|the|our|my)",
    r"^(?:(?:last|this|that|one|early|late|in) \w+,? |(?:a few|two|three|several|some) \w+ ago,? "
    r"|in \d{4},? )?our (?:[\w'-]{1,30} ){0,4}?(?:[a-z]+ed|ran|took|had|has|was|were|is|kept|needed|"
    r"got|went|built|won|lost|spent|sent|made)",
    r"(?:team|group|squad|crew|class) of (?:\d+|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve)", r"(?:\d+|two|three|four|five|six) of us",
    r"(?:for|in|on) our (?:[\w-]+ ){0,2}?(?:capstone|project|module|course|dissertation|"
    r"assignment|placement|internship|hackathon|campaign|team)",
    r"i (?:ran|run|led|lead|managed|manage|coordinate|coordinated|produced|produce|owned|own|"
    r"supervised|oversaw|looked after|handled|organi[sz]ed|built|edited) (?:[\w-]+ ){0,3}?(?:for|"
    r"at|in|on) (?:a|an|the|our|my)",
    r"i was responsible for (?:\S{1,40} ){1,6}?(?:on|at|in|for) (?:our|the|a|an|my)",
)
_TIME = phrases(
    r"(?:last|this|that|one|in the) (?:year|month|week|spring|summer|autumn|fall|winter|"
    r"quarter|term|semester|night|day|morning|evening|weekend|shift|season|cycle|peak|"
    r"launch|sprint|release|close)",
    r"in (?:19|20)\d\d", r"in q[1-4]", r"(?:a|two|three|few|couple of) (?:years|months|weeks) ago",
    r"on (?:a|one) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|night|morning)",
)
_STAKES = phrases(
    r"problem", r"issue", r"outage", r"incident", r"complain(?:t|ts|ed|ing)", r"behind",
    r"backlog", r"struggl\w*", r"deadline", r"failing", r"failed", r"broken", r"bug", r"risk",
    r"crisis", r"declin\w*", r"slipping", r"losing", r"spik\w*", r"clash", r"delay\w*",
    r"dropp\w*", r"flat", r"crept", r"drowning", r"mess", r"chaotic", r"angry", r"furious",
    r"unhappy", r"stalled", r"stuck", r"down", r"missed", r"errors?", r"too (?:slow|long|many)",
    r"wasn't working", r"weren't", r"couldn't", r"no one", r"nobody", r"wrong", r"short",
    r"pressure", r"tight", r"at stake", r"threat\w*", r"overdue", r"churn\w*", r"loss",
    r"conflict", r"disagree\w*", r"concern\w*", r"unclear", r"confus\w*", r"waiting",
)
_RESULT_CHANGE = phrases(
    r"dropped", r"fell", r"rose", r"increased", r"decreased", r"reduced", r"improved",
    r"grew", r"(?:went|gone|go) (?:up|down|from)", r"(?:is|are|was|were) now",
    r"now (?:take|takes|run|runs|get|gets|happen|happens|has|have|is|are|costs?|sits?)",
    r"(?:went|came|got|was|were|had (?:her|his|their|the) \w+) back (?:to normal|to baseline|"
    r"up|on track|online|within|in|at)",
    r"came (?:down|in)", r"climbed", r"doubled", r"halved", r"tripled", r"shrank", r"jumped",
    r"cut", r"saved", r"recovered", r"restored", r"(?:is|are|was|were) (?:now|back|down|up)",
    r"stopped", r"disappeared", r"vanished", r"lowered", r"raised", r"boosted", r"narrowed",
    r"closed the gap", r"turned around",
)
_RESULT_DONE = phrases(
    r"launched", r"shipped", r"went live", r"go-live", r"delivered (?:on time|early|it|the)",
    r"won", r"signed (?:up|the|a|with)", r"renewed", r"hit (?:the|our|it|target|\d[\d.,]*)", r"reached",
    r"achieved", r"finished", r"completed", r"passed", r"(?:was|were|got) (?:approved|accepted|"
    r"adopted|promoted|hired|funded|published|praised|recognised|recognized|selected|"
    r"rolled out|fixed|resolved|restored|cancelled|canceled|delayed|lost|late|discharged)",
    r"adopted", r"promoted", r"converted", r"no (?:longer|more)", r"never (?:again|had)",
    r"(?:still|now) (?:use|uses|using|runs|running|in place|works|has|have)",
    r"(?:has|have) since", r"ended (?:up|at|the)",
    r"(?:nobody|no one|none of them|not one) (?:\w{1,30} ){0,2}(?:complained|cancelled|churned|"
    r"was hurt|got hurt)",
    r"(?:subscribed|signed up|came back|stayed (?:with us|on|loyal))",
    r"(?:churned|quit|moved to a competitor)", r"left (?:the company|the team|us|the lab|"
    r"after|for|the programme|the program|within)", r"on (?:time|schedule|budget)",
    r"under budget", r"zero", r"(?:was|were|a) (?:huge |big |real )?success(?:ful)?",
    r"wrote (?:to|back)", r"feedback (?:was|came back)", r"review came back",
    r"came back clean", r"(?:went|arrived|came|got|were|was) (?:\w{1,30} ){0,4}late",
    r"had to (?:be )?(?:arrange|cancel|re-?route|redo|restart|refund|throw|push|delay|move)",
    r"delayed", r"cost (?:us|me|them|the)", r"set (?:us|me|them) back",
    r"went (?:fine|well|smoothly|ok|out)", r"sold", r"(?:haven't|hasn't|have not|has not|"
    r"hadn't) (?:had|seen|happened|been)(?:\w| |-){0,60}since", r"breached", r"missed",
    r"used (?:it|the \w+|them) as", r"(?:was|were) (?:all )?(?:correct|right|accurate|clean|"
    r"released|cleared)", r"(?:was|were) (?:back|fine|ok|okay|stable|safe)",
    r"(?:was|were|felt) (?:so |really |very )?(?:relieved|delighted|grateful|thrilled|"
    r"pleased|satisfied|impressed)", r"loved (?:it|the)", r"(?:crashed|failed) in front",
)
_RESULT_WEAK = phrases(
    r"agreed", r"approved", r"worked", r"thanked", r"closed", r"resolved", r"accepted",
    r"kept (?:the|our|all|every)", r"score", r"rating", r"made it", r"got (?:her|him|them|us) ",
)
_RESULT_MARKER = phrases(
    r"as a result", r"in the end", r"by the end", r"the (?:result|outcome|upshot)",
    r"ended up", r"which meant", r"since then", r"from then on", r"after (?:launch|that|the "
    r"(?:release|change|launch|fix|rollout|migration|go-live|trial|pilot|programme|program))",
    r"within (?:a|an|one|two|three|four|five|six|\d+) (?:day|days|week|weeks|month|months|"
    r"quarter|quarters|year|hour|hours)", r"over the (?:next|following)", r"by (?:the )?(?:summer|"
    r"spring|autumn|winter|end|next)", r"the next (?:day|week|month|quarter|year|morning)",
    r"that (?:year|quarter|month|peak|season)", r"overall", r"(?:the )?following (?:year|"
    r"quarter|month|week|spring|summer|morning)", r"to this day", r"today", r"afterwards?",
    r"later", r"eventually", r"finally", r"in the meantime", r"meanwhile", r"by then",
    r"(?:total |the |overall )?impact (?:was|:)", r"after (?:my|our|the|his|her) \w+",
    r"by (?:lunchtime|the evening|morning|monday|the weekend)",
)
# "She moved to another ward", "The parcels went out the next morning": what happened next.
_THIRD_PARTY_OUTCOME = re.compile(
    r"^(?:(?:[\w,'-]{1,30} ){0,5}?(?:, |then |and ))?(?:he|she|they|the [\w-]+(?: [\w-]+)?|"
    r"our [\w-]+(?: [\w-]+)?|their [\w-]+|his [\w-]+|her [\w-]+|[a-z]+'s [\w-]+|"
    r"(?!i |we |you |it |there |this |that |so |but |and |then )[a-z]+) "
    r"(?:also |eventually |later |finally |still |never |actually |even )?"
    r"(?!was\b|were\b|had\b|is\b|are\b|has\b|have\b|said\b|told\b|asked\b|thought\b|"
    r"needed\b|wanted\b|used\b|seemed\b|looked\b)"
    r"(?:[a-z]{2,}ed|went|got|left|came|ran|took|made|won|lost|sold|grew|fell|rose|hit|"
    r"became|gave|kept|didn't \w+|did not \w+|loved|moved|finished|stopped)\b"
)
_ANY_PAST_VERB = re.compile(r"\b(?:[a-z][a-z-]{2,}ed|went|built|ran|wrote|made|took|sent|set up|"
                            r"put|sat|gave|told|brought|kept|led|found|got)\b")
_NOW = phrases(r"today", r"now", r"these days", r"to this day")
_NOT_A_RESULT = phrases(
    r"we'll see", r"we will see", r"still waiting", r"yet to", r"still being", r"don't know "
    r"yet", r"idk yet", r"not sure yet", r"too early to", r"carried on", r"can't point to",
    r"no outcome", r"at least now we know", r"now we know", r"hopefully", r"we'll know",
    r"remains to be seen", r"haven't heard", r"still (?:pending|open|in progress|scoped)",
    r"still collecting", r"will update", r"(?:results?|numbers) (?:are )?not in yet",
)
_FEELING_ONLY = phrases(
    r"(?:i )?felt (?:a lot )?(?:more )?(?:confident|proud|good|great|happy|better|relieved)",
    r"proud", r"meaningful", r"great experience", r"learned a lot", r"really enjoyed",
    r"grateful", r"(?:my|our|her|his) confidence",
)


def _part(score: float, evidence: list[Sentence]) -> StarPart:
    score = round(max(0.0, min(1.0, score)), 2)
    return StarPart(present=score >= 0.5, score=score, evidence=[s.text for s in evidence[:2]])


def _sectioned(document: Document, section: str) -> list[Sentence]:
    return [s for s in document.sentences if s.section == section]


def situation_part(document: Document, hypothetical: bool) -> StarPart:
    early = [
        s for s in document.sentences
        if (s.position <= 0.5 or s.index < 2) and s.section != "learning" and not is_lesson(s)
    ]
    setting = [
        s for s in early
        if _SETTING.search(s.low) or _ROLE.search(s.low) or _CONTEXT.search(s.low)
    ]
    stakes = [s for s in early if _STAKES.search(s.low)]
    when = [s for s in early if _TIME.search(s.low)]
    heading = [s for s in _sectioned(document, "situation") if len(s.low.split()) >= 5]
    score = 0.0
    if setting:
        score += 0.55
    if when:
        score += 0.2
    if stakes:
        score += 0.3 if setting or heading else 0.25
    if heading:
        score += 0.5
    if setting and any(s.index == 0 for s in setting):
        score += 0.15
    if hypothetical:
        score = min(score, 0.3)
    evidence = heading or sorted(set(setting + stakes + when), key=lambda s: s.index)
    return _part(score, evidence)


def task_part(document: Document, hypothetical: bool) -> StarPart:
    role = [s for s in document.sentences if _ROLE.search(s.low)]
    duty = [
        s for s in document.sentences
        if _TASK.search(s.low) and not _NEGATED_TASK.search(s.low)
    ]
    heading = [s for s in _sectioned(document, "task") if len(s.low.split()) >= 4]
    score = 0.0
    if duty:
        score += 0.6
    if role:
        score += 0.55
    if heading:
        score += 0.5
    if hypothetical:
        score = min(score, 0.3)
    return _part(score, heading or duty or role)


def action_part(
    document: Document, hypothetical: bool, quoted: frozenset[str] = frozenset()
) -> StarPart:
    acted = [(s, i_actions(s)) for s in document.sentences]
    acted = [(s, verbs) for s, verbs in acted if verbs and not INTENTION.search(s.low)
             and s.section not in ("learning",)]
    count = sum(len(verbs) for _, verbs in acted)
    score = {0: 0.0, 1: 0.5, 2: 0.75}.get(count, 1.0)
    heading = [s for s in _sectioned(document, "action") if _ANY_PAST_VERB.search(s.low)]
    if heading:
        score = max(score, 0.6)
    if hypothetical:
        score = min(score, 0.3)
    # "I ran the returns desk" counts, but when it is already quoted for the situation or the
    # task, another step taken makes the better quote.
    steps = [s for s, _ in acted]
    return _part(score, heading or [s for s in steps if s.text not in quoted] or steps)


def result_part(document: Document, hypothetical: bool) -> StarPart:
    sentences = document.sentences
    first_action = next((s.index for s in sentences if i_actions(s)), 0)
    metric_sentences = metrics_by_sentence(document)
    candidates: list[tuple[float, Sentence]] = []
    body = [s for s in sentences if s.section != "learning"]
    ending = {s.index for s in body[-3:]} if len(body) > 3 else set()
    for sentence in sentences:
        low = sentence.low
        if sentence.section == "learning" or _NOT_A_RESULT.search(low):
            continue
        late = sentence.position >= 0.45 or sentence.index > first_action or len(sentences) <= 3
        weight = 0.0
        has_metric = sentence.index in metric_sentences
        if _RESULT_CHANGE.search(low):
            weight += 0.45 + (0.25 if has_metric else 0.0)
        if _RESULT_DONE.search(low):
            weight += 0.35
        elif _RESULT_WEAK.search(low):
            weight += 0.2
        if sentence.index in ending and _THIRD_PARTY_OUTCOME.search(low):
            weight += 0.3
        if _RESULT_MARKER.search(low):
            weight += 0.3
        if has_metric and sentence.position >= 0.5:
            weight += 0.2
        if INTENTION.search(low):
            weight -= 0.4
        if weight and sentence.index in ending:
            weight += 0.2
        if not late and not _NOW.search(low):
            weight *= 0.6
        if sentence.section == "result":
            weight += 0.5
        if _FEELING_ONLY.search(low) and not has_metric:
            weight = 0.0
        if weight > 0:
            candidates.append((weight, sentence))
    score = max((w for w, _ in candidates), default=0.0)
    if len([w for w, _ in candidates if w >= 0.35]) >= 2:
        score += 0.15
    tail = sentences[-2:] if len(sentences) > 2 else sentences
    if any(_NOT_A_RESULT.search(s.low) for s in tail):
        score = min(score, 0.45)
    if hypothetical:
        score = min(score, 0.3)
    ranked = [s for _, s in sorted(candidates, key=lambda c: (-c[0], c[1].index))]
    return _part(score, ranked)


def find_star(document: Document, hypothetical: bool = False) -> Star:
    situation = situation_part(document, hypothetical)
    task = task_part(document, hypothetical)
    return Star(
        situation=situation,
        task=task,
        action=action_part(
            document, hypothetical, quoted=frozenset(situation.evidence + task.evidence)
        ),
        result=result_part(document, hypothetical),
    )
