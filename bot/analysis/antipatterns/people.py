"""Leaving peers to struggle, and managing every performer identically."""

from __future__ import annotations

from bot.analysis.antipatterns.base import FIRES_AT, Context, Hit, hits, present, total
from bot.analysis.antipatterns.concepts import PEOPLE_WHO_STRUGGLE
from bot.analysis.cues import near, phrases
from bot.analysis.quickstart import compiled

# --- unhelpful to peers -----------------------------------------------------------------

_WONT_HELP = phrases(
    r"(?:it's|it was|that's|that is|was) (?:their|his|her) own fault",
    r"if (?:they|he|she|someone|people) (?:needed|wanted|had|didn't want) (?:\w{1,30} ){0,3}"
    r"(?:help|questions?|support)(?:\w| |,|')*?(?:ask|come|they'd|she'd|he'd|it's)",
    r"if (?:they|he|she) didn't ask",
    r"(?:not|wasn't|isn't|never) (?:officially |really )?(?:my job|part of my job|my "
    r"responsibility|my problem|my role|in my job description)",
    r"(?:training|reviewing|mentoring|onboarding|coaching|helping) (?:\w{1,30} ){0,2}(?:isn't|"
    r"wasn't|is not|was not) (?:part of )?my (?:job|role)",
    r"i'm not (?:going|gonna) to (?:hover|babysit|hold (?:his|her|their) hand)",
    r"(?:told|sent|pointed|directed|referred) (?:him|her|them) (?:\w{1,30} ){0,2}(?:to|that) "
    r"(?:the )?(?:docs|documentation|confluence|wiki|manual|handbook|faq|right (?:person|"
    r"documentation))",
    # Asked for help, sent somewhere else: to a document, a course or another person.
    r"(?:told|sent|pointed|directed|referred) (?:him|her|them) (?:\w{1,30} ){0,3}?(?:to|that) (?:the |"
    r"a |our |my )?(?:[\w-]{1,30} ){0,2}?(?:sop|docs|documentation|wiki|manual|handbook|shared drive|"
    r"folder|course|coursebook|guide|intranet|tutorials?|videos?|training|template)s?\b",
    r"(?:told|sent|pointed|directed|referred|asked) (?:him|her|them) (?:\w{1,30} ){0,2}?to (?:speak|"
    r"talk|go) to (?:the |our |my |his |her |their )?(?:\w{1,30} ){0,2}?(?:manager|director|lead|"
    r"trainer|supervisor|hr|coordinator|mentor|buddy)",
    r"(?:was|is) the (?:person|one|people) (?:to ask|to go to|(?:she|he|they) should (?:ask|go to|"
    r"be going to))",
    r"(?:wasn't|isn't|not|was not) (?:in|part of) my (?:objectives|goals|kpis|job description|remit)",
    r"instead of relying on me",
    r"i was busy (?:\w{1,30} ){0,3}?(?:my|with my) own",
    r"i (?:don't|do not|didn't) (?:usually |really )?(?:step in|get involved|offer)",
    r"should (?:have |of )?(?:been )?(?:trained|vetted|onboarded|taught)",
    r"i had my own (?:work|sprint|deadlines?|commitments|targets?|rate|numbers|tickets|job)",
    r"stuck to my own", r"keep my head down", r"focused on my own",
    r"(?:he|she|they) should (?:check|figure|learn|read|work) (?:it|that|this|things)",
    r"(?:his|her|their) (?:spreadsheet|responsibility|problem|job|mess)",
    r"not (?:really )?my (?:place|business) to", r"i did not say anything to (?:him|her|them)",
    r"(?:left|leave) (?:him|her|them) to (?:it|figure|work)", r"sink or swim",
    r"(?:not|n't) (?:a|the) (?:good )?fit for (?:the|this) role",
    r"(?:should|should have) (?:asked|come to me|spoken up) (?:earlier|sooner|first)",
    r"good lesson for (?:her|him|them) about asking", r"i was available if",
    r"(?:left|leave) (?:his|her|their) (?:reviews?|questions?|tickets?) to",
    r"wasn't (?:getting|being) paid (?:for|the)",
    r"(?:let|leave|left|letting) (?:her|him|them) (?:to )?(?:figure|work|sort) (?:it|things|"
    r"that) out", r"stayed out of (?:it|the way)", r"(?:find|found|finds) (?:her|his|their) feet",
    r"(?:can't|cannot|couldn't|not going to|won't) hold (?:everyone's|everybody's|his|her|their|"
    r"people's) hands?",
    r"(?:sent|forwarded|gave|emailed|replied with) (?:her|him|them)? ?(?:the )?(?:link|policy|"
    r"policies|docs|documentation|runbooks?|manual|knowledge base|kb|wiki)(?: link)?",
    r"replied with the (?:runbook|link|docs)", r"leav(?:e|ing) (?:him|her|them) on read",
    r"(?:never|didn't|did not) (?:really )?(?:came|come) to me", r"(?:working|work|figure) it "
    r"out for (?:yourself|himself|herself|themselves)", r"by getting burned",
    r"(?:i|so i) (?:didn't|did not) get involved", r"(?:babysit|hand-hold)",
    r"(?:had|has) the same docs", r"(?:hit|make|protect) my own (?:numbers|targets?|rate)",
    r"my own (?:patients|numbers|work|tickets|targets|rate|reconciliations)",
    r"(?:not|wasn't|isn't) (?:my|our) (?:job|problem|responsibility) to (?:teach|train|help|"
    r"coach|fix|mentor|babysit)",
    r"(?:the )?(?:runbooks?|docs|policies) (?:were|are|was|is) there for (?:him|her|them)",
    near(r"(?:told|asked) (?:him|her|them) to", r"(?:come and find me|ask|find me|read|look|"
         r"check)", 2) + r"(?:\S| ){0,30}(?:if|when) (?:he|she|they) (?:got|get|was|were) "
         r"(?:stuck|unsure|lost)",
    r"otherwise (?:left|stayed|let)", r"(?:left|leave) (?:him|her|them) to (?:manage|cope|get on)",
    r"(?:heavy|full|busy) (?:\w{1,30} )?load (?:myself|of my own)", r"(?:had|has) been told to ask",
    r"(?:i|so i) (?:didn't|did not)(?:,| -)? because i had",
    near(r"i (?:didn't|did not|wouldn't|refused to)", r"(?:pair|help|shadow|train|coach|"
         r"mentor|step in|sit with|let them|let him|let her|give (?:her|him|them) extra)", 4),
    r"(?:on|at) (?:the )?(?:knowledge portal|wiki|intranet)",
    r"(?:learn|grow) more by (?:working|figuring) it out", r"figure things out",
    r"training is the (?:manager's|trainer's|\w+'s) job", r"kept (?:my|the) (?:\S{1,40} ){0,3}to "
    r"myself", r"could ask the trainer", r"i'd be around if",
    r"flat out with my own", r"(?:not|wasn't) (?:part of )?my (?:role|remit) to",
    # They would learn more by being left to it.
    near(r"(?:learn|grow|improve)\w*", r"(?:faster|better|more|quicker)? ?(?:by|from|if) (?:\w{1,30} )?"
         r"(?:making|doing|figuring|struggling|working|getting|finding)", 2),
    # Someone else's job to help them, or the speaker too busy.
    near(r"(?:is|was|'s|are|were) (?:the ones? (?:who's|who is|who was|who are) )?(?:supposed|"
         r"meant|paid|responsible)", r"(?:to )?(?:onboard|train|teach|mentor|coach|supervis|"
         r"help|support|look after)\w*", 2),
    r"(?:wasn't|was not|not|isn't|i'm not) (?:his|her|their) (?:mentor|manager|trainer|buddy|"
    r"teacher|supervisor|babysitter|boss|line manager)",
    r"(?:i|i'd) (?:had|have) (?:my own|enough|plenty) (?:\w{1,30} ){0,2}(?:to do|due|on my plate|"
    r"deadlines?|reports?|tickets?|targets?|patients|numbers|load|work)",
    r"enough on my plate", r"(?:told|asked) (?:him|her|them) to (?:google|look it up|search|"
    r"check the (?:docs|wiki|manual)|figure)",
    r"(?:up to|down to) (?:each|every|the) (?:person|individual|one of us|\w+) to (?:manage|"
    r"sort|figure|handle)",
    r"(?:focused|concentrated) on (?:getting )?my own",
    r"(?:she|he|they)(?:'d| would| will|'ll) (?:\w{1,30} )?(?:pick it up|figure it out|work it out|get "
    r"there|get the hang|learn)(?: \w+)?(?: eventually| in time| on (?:her|his|their) own)?",
    r"(?:isn't|wasn't|is not|was not) what i(?:'m| am| was) (?:paid|hired|here) (?:for|to do)",
    r"(?:told|telling|said to) (?:him|her|them) (?:that )?i was (?:too )?(?:slammed|busy|swamped|"
    r"flat out|snowed under|buried|stretched)",
    r"(?:i|i'd) (?:had|have|was busy with|was focused on) my own [a-z]+",
    r"(?:it's|it is|it was|that's|was) (?:his|her|their|the) (?:\w{1,30} )?(?:manager's|lead's|"
    r"supervisor's|trainer's|mentor's|buddy's|team leader's) (?:job|role|responsibility)",
    r"(?:he|she|they) should (?:ask|go to|speak to|talk to|check with) (?:the|his|her|their|a) "
    r"(?:\w{1,30} )?(?:manager|lead|supervisor|trainer|mentor|buddy|senior)",
    r"(?:noticed|saw|could see)(?: it| that| this| them| her| him)? but (?:didn't|did not|never) "
    r"(?:say|do|mention|offer|step|help|get)",
    r"(?:we|i) (?:all )?had (?:my own |our own )?(?:targets|deadlines|numbers|work|workloads)",
    r"(?:training|induction|onboarding) should have (?:covered|taught|prepared|sorted)",
    r"(?:let|left) (?:her|him|them) (?:get on with it|get on|to get on|be|struggle|sink)",
    r"(?:is|was|'s) the one (?:who|that) (?:trains|teaches|onboards|mentors|coaches|supervises|"
    r"helps|looks after|supports)",
    r"(?:i|i'd) (?:had|have) my own (?:\w{1,30} ){1,2}to (?:run|do|manage|finish|close|hit|look after|"
    r"deliver|get through|worry about)",
    # Keeping what would help to oneself: the template, the know-how, the answer.
    r"(?:i|so i) (?:didn't|did not|never|wouldn't|chose not to|decided not to) (?:\w{1,30} )?(?:share|"
    r"explain|show|document|teach|pass on|hand over|say anything|warn|reply|"
    r"respond|answer)\b",
    r"(?:part of|a big part of|the reason|reasons?) why (?:i was|i'm|the company needed me|they "
    r"needed me|people needed me|i stayed) (?:\w{1,30} )?(?:valuable|needed|indispensable|the go-to|"
    r"useful)",
    r"(?:those|that|it) (?:were|was) my (?:thing|edge|secret|advantage)",
    r"drag(?:ged|ging)? my feet",
    r"(?:replying|replied|answered|responded) (?:to (?:him|her|them|it) )?with (?:a |the )?(?:link|"
    r"docs|wiki)",
    r"(?:saw|noticed|read) (?:it|the \w+|her \w+|his \w+|their \w+) (?:and|but) (?:didn't|did not|"
    r"never) (?:reply|respond|answer|react)",
    r"(?:didn't|did not) see it as my (?:problem|job|responsibility|business)",
    # Sink or swim as a creed: they learn by failing, as the speaker had to.
    r"(?:had to|have to) (?:figure|work) (?:it|things|everything) out (?:myself|for myself|on my own|"
    r"the hard way|alone)",
    r"nobody (?:held|holding|helped|shared|showed) (?:my hand|me|theirs|anything)",
    r"(?:that's|thats|that is|is) how (?:people|you|they|juniors|new \w+) (?:actually |really )?learn",
    r"only (?:ever )?learn (?:once|when|by|from|if)", r"you grow by",
    r"(?:is|was) on (?:you|them|him|her)\b(?! to)", r"(?:his|her|their) (?:lookout|funeral)",
    r"(?:thrown|throw|chucked) in at the deep end",
    r"(?:bail|bailing|bailed) (?:people|them|him|her|juniors) out",
    r"(?:wasn't|was not|isn't|not) part of my (?:role|job|remit)",
    r"(?:measures|measured|judges|judged|pays|paid) me on (?:my|the) \w+,? not (?:on )?(?:training|"
    r"helping|supporting|coaching|mentoring)",
    r"(?:everyone's|everybody's|the) (?:support desk|help ?desk|free support)",
    r"(?:he|she|they) should (?:go on|attend|take|do|book) (?:the|a) (?:\w{1,30} )?(?:course|training)",
    r"(?:no need|no point) (?:for me )?to (?:duplicate|repeat|redo) it",
)
# A colleague who is new, junior or visibly not coping.
_PEER_STRUGGLING = phrases(
    PEOPLE_WHO_STRUGGLE, r"probation", r"hadn't closed anything",
    r"struggl\w*", r"stuck", r"drowning", r"overwhelmed", r"new grad", r"trainee",
    r"new hires?", r"(?:went|going) sideways", r"\d+ questions", r"(?:way |really |far )?behind",
    r"stressed", r"overloaded", r"(?:was|were|is|are) (?:really |very |so |too )?slow",
    r"new(?:er)? (?:colleague|hire|starter|teammate|temp|dev|developer|nurse|teacher)",
    r"junior", r"asked (?:me )?(?:if i could|for help|whether i|how to|to help)", r"asked me",
    r"kept (?:making|re-running|asking)", r"first (?:time|week|month)",
    r"(?:making|made|kept making) (?:\w{1,30} )?mistakes", r"temps?", r"undergrad\w*", r"intern",
    r"graduate", r"out of (?:his|her|their) depth", r"wrong aisles?", r"falling behind",
    r"in the weeds", r"first-year", r"(?:phd|new) student", r"bootcamp",
    r"(?:a|the|our) new (?:[\w-]+ )?(?:server|waiter|tech|technician|analyst|engineer|associate|"
    r"editor|agent|rep|clerk|assistant|recruit|member|person|guy|girl|joiner|coordinator)",
    r"(?:had )?inherited (?:a|the) (?:\w{1,30} )?(?:model|codebase|spreadsheet|process|system)",
)
_HELPED = phrases(
    r"(?<!if )i (?:\w{1,30} )?(?:showed|sat (?:down )?with|paired|walked (?:him|her|them) through|"
    r"coached|"
    r"helped|mentored|trained|taught|offered|spent (?:\w{1,30} ){0,3}with (?:him|her|them)|"
    r"booked (?:\w{1,30} ){0,3}with (?:him|her|them)|took (?:\w{1,30} ){1,3}with (?:him|her|them)|"
    r"sketched|gave (?:him|her|them) my|asked if "
    r"(?:she|he|they) wanted|checked in|covered (?:for )?(?:his|her|their))",
    r"(?:with|for) (?:him|her|them) (?:that afternoon|every|each|twice)",
    r"(?:worked|sat|stood) (?:\w{1,30} ){0,2}(?:beside|alongside|next to) (?:him|her|them)",
    r"showed (?:him|her|them) how",
)


def unhelpful_to_peers(context: Context) -> list[Hit]:
    refused = hits(context, _WONT_HELP, 0.6)
    if not refused or not present(_PEER_STRUGGLING, context.sentences):
        return []
    if present(_HELPED, context.story):
        return []
    # One clear refusal, with a peer visibly struggling and no help given, is enough.
    return refused


# --- uniform management -----------------------------------------------------------------

_SAME_FOR_ALL = phrases(
    r"(?:everyone|everybody|every person|each (?:person|rep|agent|member|of them)|all "
    r"(?:of them|\w+ of them)) (?:on (?:my|the) team )?(?:gets?|got|received|deserves?|had) "
    r"(?:exactly )?(?:the same|equal|an equal|one-eighth|identical)",
    r"(?:the )?same (?:\w{1,30} ){0,4}(?:for|to) (?:everyone|everybody|all|each)",
    r"(?:treat|treated|treating|manage|managed|managing) (?:everyone|everybody|all of them|"
    r"them all|people|every \w+|my \w+) (?:the same|equally|identically|alike)",
    r"(?:equal|identical|uniform) (?:treatment|time|attention)", r"treated identically",
    r"level playing field", r"keep (?:things|it|everything) level",
    r"(?:split|divided|distributed|shared) (?:\w{1,30} ){0,4}(?:evenly|equally)",
    r"no exceptions", r"(?:a |one )?(?:single|one|same) (?:\w{1,30} )?(?:system|standard|approach|"
    r"target|"
    r"quota|process|template|plan) (?:for|across) (?:all|everyone|the whole|the board|every)",
    r"(?:couldn't|can't|cannot|wasn't something i could|not something i could) (?:offer|give|"
    r"do) (?:it |this |that )?(?:to|for) (?:all|everybody|everyone|every)",
    r"(?:the )?others will (?:ask|want)", r"two-tier", r"special arrangements",
    r"singl(?:e|ing) (?:one person|anyone|someone|people|her|him) out",
    r"(?:anyone|nobody|no one|people) (?:\w{1,30} )?(?:feels?|felt) (?:left out|singled out)",
    r"(?:feel|felt) singled out", r"(?:don't|do not|didn't) (?:manage|treat) (?:my )?"
    r"(?:top|best|strongest) (?:performers|people) differently",
    r"great in (?:their|his|her) own way", r"fairest (?:approach|way|thing)",
    r"same (?:amount of )?(?:my )?time", r"same (?:coaching|training|targets?|quota|"
    r"feedback|one-to-ones?|one-on-ones?|template|script|slot|track|cpd|timetable|"
    r"development plan|budget|expectations|rotation|sections|shift mix|form)",
    r"identical (?:development plans?|quotas?|targets?|territor\w+|plans?|treatment)",
    r"(?:a |run a )?flat team", r"(?:make|made|making) an exception for (?:her|him|one)",
    r"(?:everybody|everyone) (?:else )?would want (?:it|one|the same)",
    r"(?:carve|carving) out special", r"(?:singling|single) (?:people|anyone|someone) out",
    r"same (?:\w{1,30} ){0,2}as the rest", r"played favou?rites",
    r"(?:treating|treat|treated) everyone (?:equally|the same)",
    r"(?:rated|gave|give) (?:all|everyone|each of them) (?:\w{1,30} ){0,2}(?:the same|'?meets)",
    r"(?:nobody|no one) (?:complained|could say) (?:that )?i (?:have|had) favou?rites",
    r"equal treatment was", r"everyone (?:is|was) treated the same",
    near(r"(?:same|identical|equal\w*|evenly|uniform|standard)", r"(?:for|to|across|as) "
         r"(?:everyone|everybody|all|each|every|the rest|the others)", 4),
    near(r"(?:everyone|everybody|every (?:direct report|volunteer|rep|member|person|\w+)|all "
         r"(?:\w{1,30} )?(?:of them|volunteers|reps|staff|\w+s))", r"(?:same|identical|equal|equally|"
         r"evenly)", 4),
    r"(?:special|preferential) (?:treatment|role|arrangements?|projects?)",
    r"one rule for everyone", r"even-handed", r"starts equal", r"stays equal",
    r"(?:handling|treating|treat|handled) (?:her|him|them) exactly like",
    r"(?:went|goes|go) by seniority", r"(?:everyone|everybody) (?:waited|waits|has to wait)",
    r"(?:undermines?|breeds?|creates?) (?:\S{1,40} ){0,4}(?:resentment|valued)",
    r"equally valued", r"stars and passengers", r"no matter how (?:strong|good)",
)
_DENIED_TOP_PERFORMER = phrases(
    r"(?:turned|turn) (?:both|it|her|him|them|that) down", r"i (?:said|told (?:her|him)) no",
    r"not for now", r"(?:didn't|did not|not to) use the promotion", r"(?:wait|their time will "
    r"come) (?:for|through) the (?:normal|usual)",
    r"(?:moved|left|joined|went) (?:to )?(?:another|a competitor|a rival)",
    r"accepted an offer", r"got a (?:\w{1,30} ){0,3}role at another",
    r"(?:kept|left) (?:him|her|them) on the same", r"(?:decided|chose) against (?:it|that|this)",
    r"(?:wasn't|was not|not) going to (?:carve|"
    r"give|make)", r"(?:moved|left|transferred) (?:to|for) (?:another|a competitor|a \w+ "
    r"(?:restaurant|company|school|role))",
)
_INVESTED_IN_TOP = phrases(
    r"invested (?:more|extra)", r"(?:gave|give) (?:her|him|them) more", r"stretch "
    r"(?:assignment|project|work|goals?)",
    r"nominated (?:her|him|them)", r"sponsor(?:ed)? (?:her|him|them)",
    r"extra (?:time|coaching|investment|responsibility)", r"(?:isn't|aren't|not) the same as "
    r"(?:equal|giving)", r"top (?:people|performers) need", r"promoted (?:her|him)",
    r"put (?:her|him) in charge",
)


# Extra investment only counts when the speaker made it, not when it was asked for or refused.
_ASKED_OR_REFUSED = compiled(
    r"\b(?:asked|asking|wanted|wants|requested|offered to|if|didn't|did not|wouldn't|not|never|"
    r"no|refused)\b"
)


def _invested(context: Context) -> bool:
    for hit in hits(context, _INVESTED_IN_TOP, 1.0):
        start = hit.sentence.low.find(hit.cue)
        if not _ASKED_OR_REFUSED.search(hit.sentence.low[max(0, start - 60):start]):
            return True
    return False


def uniform_management(context: Context) -> list[Hit]:
    same = hits(context, _SAME_FOR_ALL, 0.55)
    if not same or _invested(context):
        return []
    denied = hits(context, _DENIED_TOP_PERFORMER, 0.45)
    found = same + denied
    return found if total(found) >= FIRES_AT else []
