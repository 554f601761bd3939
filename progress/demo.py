"""Demo content for the progress tracker: 15 illustrative recommendations, 8 combined actions, ~50 updates.

Everything here was written for this project: the recommendations are
illustrative of the themes such an inquiry covers and quote no real report.
Dates are fixed, so `as_at` and `changes` always have the same history to
show. Used by `manage.py seed_demo`; a second run changes nothing.
"""

from datetime import date

from progress.choices import DeliveryStatus as S
from progress.choices import Response
from progress.choices import Theme as T
from progress.models import PriorityAction, ProgressIndexPage, RecommendationPage

IP, DONE, EMB, PAUSED, NS = S.IN_PROGRESS, S.DELIVERED, S.EMBEDDED, S.PAUSED, S.NOT_STARTED

# fmt: off
# (number, theme, lead, priority, original target, title, summary, wording, response, reason)
RECOMMENDATIONS = [
    (1, T.RISK_ASSESSMENT, "Council", True, date(2016, 3, 31),
     "Use one risk assessment across all partners",
     "Every agency should assess a child's risk of exploitation in the same way, so that no warning sign is missed between services.",
     "All partner agencies should adopt a single, shared approach to assessing the risk of child sexual exploitation, "
     "and should review each assessment whenever new information comes to light.",
     Response.ACCEPTED, ""),
    (2, T.LOOKED_AFTER, "Council", True, date(2016, 9, 30),
     "Protect children placed out of the area",
     "Children in care who are placed in another area should be tracked and visited as closely as those placed nearby.",
     "The council should know at all times where each looked-after child placed outside the borough is living, and should "
     "agree with the receiving area how exploitation risks will be shared and managed.",
     Response.ACCEPTED, ""),
    (3, T.SURVIVOR_SUPPORT, "NHS", True, date(2017, 3, 31),
     "Offer long-term support to victims and survivors",
     "Victims and survivors should get therapeutic support for as long as they need it, including as adults.",
     "Commissioners should make sure that victims and survivors of child sexual exploitation, including those now adults, "
     "can get specialist therapeutic support without long waits and without time limits set by funding cycles.",
     Response.ACCEPTED_IN_PART,
     "Accepted for everyone under 25. Support for older survivors depends on national funding, which the partnership is seeking."),
    (4, T.JOINT_TEAM, "Police", True, date(2015, 12, 31),
     "Set up a joint multi-agency team",
     "Police, social workers and health staff should work side by side in one team focused on exploitation.",
     "A co-located team of police officers, social workers, health professionals and youth workers should be established, "
     "with a single manager and shared case records.",
     Response.ACCEPTED, ""),
    (5, T.SCHOOLS, "Schools team", False, date(2016, 7, 31),
     "Teach every pupil about healthy relationships and exploitation",
     "All schools should teach children, in ways that suit their age, how to recognise grooming and where to get help.",
     "Every school in the borough should deliver age-appropriate lessons on healthy relationships, consent and "
     "exploitation, and every school should have a trained lead who knows how to refer concerns.",
     Response.ACCEPTED, ""),
    (6, T.COMMUNITIES, "Voluntary sector", False, date(2017, 3, 31),
     "Work with minority ethnic communities",
     "The partnership should build trust with every community, so that people feel able to report concerns.",
     "The partnership should work with faith and community organisations, including those representing minority ethnic "
     "communities, to raise awareness of exploitation and to make reporting easier and safer.",
     Response.ACCEPTED, ""),
    (7, T.LICENSING, "Council", False, date(2016, 3, 31),
     "Make taxi licensing safer",
     "Drivers of taxis and private hire vehicles should be checked and trained, and concerns about them acted on quickly.",
     "The licensing authority should require safeguarding training for all licensed drivers, share information about "
     "concerns with the police without delay, and review its policy on suspending licences.",
     Response.ACCEPTED, ""),
    (8, T.LEADERSHIP, "Council", False, date(2015, 9, 30),
     "Give the partnership clear leadership",
     "One senior leader in each agency should be accountable for tackling exploitation.",
     "Each partner agency should name a senior leader accountable for its work on child sexual exploitation, and the "
     "leaders should meet regularly as a strategic group with published minutes.",
     Response.ACCEPTED, ""),
    (9, T.SCRUTINY, "Council", False, date(2016, 3, 31),
     "Let elected members scrutinise the work",
     "Councillors should regularly check the partnership's progress and question its leaders in public.",
     "The council's scrutiny committee should review progress against these recommendations at least twice a year, in "
     "public, and should be able to call any partner to give evidence.",
     Response.ACCEPTED, ""),
    (10, T.VOICE, "Voluntary sector", False, date(2017, 9, 30),
     "Listen to young people",
     "Young people and survivors should help shape the services meant for them.",
     "The partnership should create lasting ways for children, young people and survivors to influence its services and "
     "priorities, and should report back on what changed as a result.",
     Response.ACCEPTED, ""),
    (11, T.INFORMATION_SHARING, "Police", True, date(2016, 12, 31),
     "Share information between agencies",
     "Agencies should share what they know about risks to children quickly and safely.",
     "The partners should agree a single information-sharing protocol for exploitation concerns, supported by systems "
     "that let authorised staff see relevant records from other agencies.",
     Response.ACCEPTED, ""),
    (12, T.TRAINING, "Public health", False, date(2016, 12, 31),
     "Train everyone who works with children",
     "Everyone who works with children should be trained to spot the signs of exploitation.",
     "All staff and volunteers in partner organisations who work with children should complete training on recognising "
     "and responding to child sexual exploitation, refreshed every two years.",
     Response.ACCEPTED, ""),
    (13, T.MISSING, "Police", True, date(2016, 6, 30),
     "Talk to every child who returns from being missing",
     "Each child who goes missing should be offered a conversation with an independent worker when they come back.",
     "Every child reported missing from home or care should be offered an independent return interview within 72 hours, "
     "and what they say should inform their safety plan.",
     Response.ACCEPTED, ""),
    (14, T.COMMISSIONING, "NHS", False, date(2018, 3, 31),
     "Commission services together",
     "Partners should plan and pay for exploitation services jointly, based on what children need.",
     "The partners should pool budgets where possible and jointly commission services for children at risk of or "
     "affected by exploitation, based on a shared assessment of need.",
     Response.ACCEPTED_IN_PART,
     "Joint commissioning is accepted. Pooling budgets is not possible for every partner because of national funding rules."),
    (15, T.TRANSPARENCY, "Council", False, date(2015, 6, 30),
     "Report progress openly",
     "The partnership should publish where each recommendation stands, so that anyone can check its progress.",
     "The partnership should publish regular, plain-language reports on its progress against each recommendation, "
     "including where it has fallen behind and why.",
     Response.ACCEPTED, ""),
]

# Recommendation number -> list of (date, status, rag, percentage, new target date, narrative[, extra fields]).
UPDATES = {
    1: [
        (date(2014, 11, 20), IP, "amber", 20, None, "A working group of all partners started drafting a shared risk assessment tool."),
        (date(2015, 10, 5), IP, "green", 60, None, "The draft tool was tested by three teams; their feedback shortened it by a third."),
        (date(2016, 4, 12), DONE, "green", 100, None, "All partners now use the shared tool for every new referral."),
        (date(2021, 2, 8), EMB, "green", 100, None, "An audit of 120 cases found the tool used correctly in almost all of them. It is now part of routine practice."),
    ],
    2: [
        (date(2015, 1, 15), IP, "red", 10, None, "We do not yet have a reliable list of children placed outside the borough. Building one is the first step."),
        (date(2016, 10, 3), IP, "amber", 35, date(2018, 3, 31), "A placements register now exists. Agreements with receiving areas are taking longer than planned.",
         {"target_date_reason": "Agreements need the consent of each receiving area, which took longer than expected."}),
        (date(2019, 7, 22), IP, "amber", 55, date(2020, 3, 31), "Agreements are in place with 9 of the 14 areas where children are placed.",
         {"target_date_reason": "Five receiving areas have not yet signed the agreement."}),
        (date(2023, 5, 30), IP, "amber", 75, date(2024, 3, 31), "All but two receiving areas have signed. Visits are now recorded against each child's plan.",
         {"target_date_reason": "Two areas reorganised their services and asked to renegotiate."}),
        (date(2025, 9, 15), IP, "green", 90, date(2026, 3, 31), "Every child placed out of area now has a named contact in the receiving area.",
         {"target_date_reason": "The final agreement is waiting for the receiving area's sign-off."}),
    ],
    3: [
        (date(2015, 3, 2), NS, "red", None, None, "Funding for long-term therapeutic support has not yet been agreed."),
        (date(2016, 6, 20), IP, "amber", 30, None, "A survivors' counselling service opened for under-25s, with no fixed limit on sessions."),
        (date(2020, 11, 9), IP, "amber", 55, date(2022, 3, 31), "Waiting times fell from 14 weeks to 5. Support for older survivors is still limited.",
         {"target_date_reason": "National funding for adult survivors was delayed."}),
        (date(2024, 2, 19), IP, "green", 70, None, "Adult survivors can now refer themselves to a peer support service run with survivors."),
    ],
    4: [
        (date(2014, 12, 1), IP, "green", 25, None, "Partners agreed to form a joint team and found an office in the town centre."),
        (date(2015, 11, 30), DONE, "green", 100, None, "The joint team opened with police officers, social workers, a nurse and youth workers."),
        (date(2019, 3, 18), EMB, "green", 100, None, "An independent review found the team works well and recommended keeping it. All partners have committed funding."),
    ],
    5: [
        (date(2015, 2, 10), IP, "amber", 15, None, "Lesson plans were drafted with teachers and young people."),
        (date(2016, 1, 25), IP, "green", 60, None, "Two thirds of schools now teach the lessons and have a trained lead."),
        (date(2017, 7, 14), DONE, "green", 100, None, "Every school in the borough now teaches the lessons.", {"evidence": "Healthy Schools annual report"}),
    ],
    6: [
        (date(2015, 4, 20), IP, "red", 10, None, "Early meetings with community organisations showed low trust in statutory services."),
        (date(2017, 4, 3), IP, "amber", 30, date(2019, 3, 31), "Twelve community champions were trained. More time is needed to build trust.",
         {"target_date_reason": "Building trust with communities could not be rushed."}),
        (date(2022, 10, 10), IP, "amber", 50, date(2024, 3, 31), "Awareness sessions reached over 40 faith and community groups.",
         {"target_date_reason": "Sessions paused during the pandemic."}),
        (date(2026, 2, 2), IP, "green", 65, None, "Reports from community organisations have doubled since the champions started."),
    ],
    7: [
        (date(2014, 10, 28), IP, "amber", 20, None, "The licensing committee agreed to make safeguarding training compulsory."),
        (date(2015, 9, 14), IP, "green", 70, None, "Over 1,500 drivers have completed the training."),
        (date(2016, 2, 29), DONE, "green", 100, None, "All licensed drivers are trained, and the police now share concerns about drivers within one working day."),
    ],
    8: [
        (date(2014, 10, 6), IP, "green", 50, None, "Each partner named an accountable senior leader."),
        (date(2015, 8, 17), DONE, "green", 100, None, "The strategic group meets every two months and publishes its minutes."),
    ],
    9: [
        (date(2015, 1, 26), IP, "green", 40, None, "The scrutiny committee agreed a twice-yearly review of progress."),
        (date(2016, 3, 7), DONE, "green", 100, None, "The committee held its second public review and heard evidence from the police."),
        (date(2020, 9, 21), EMB, "green", 100, None, "Public scrutiny sessions have continued every six months, including online during the pandemic."),
    ],
    10: [
        (date(2015, 6, 8), IP, "amber", 15, None, "A young people's advisory group met for the first time."),
        (date(2018, 5, 14), IP, "green", 45, None, "Young people helped choose the provider of the new support service."),
        (date(2023, 1, 16), IP, "green", 70, None, "Survivors now sit on the panel that reviews the partnership's training."),
        (date(2026, 4, 20), IP, "green", 85, None, "A 'you said, we did' report now goes to young people every six months."),
    ],
    11: [
        (date(2015, 5, 11), IP, "amber", 20, None, "A draft information-sharing protocol is out for comment."),
        (date(2016, 11, 28), IP, "green", 50, None, "All partners signed the protocol. Work started on linking case records."),
        (date(2019, 8, 5), PAUSED, "red", 50, date(2022, 12, 31), "Work on linked records has stopped while a regional system is procured.",
         {"status_reason": "The region is buying one system for all areas; building our own would waste money.",
          "target_date_reason": "Depends on the regional system."}),
        (date(2025, 3, 3), PAUSED, "red", 50, date(2027, 3, 31), "The regional system has been delayed again.",
         {"status_reason": "Still waiting for the regional system.", "target_date_reason": "The regional procurement was re-run."}),
    ],
    12: [
        (date(2015, 7, 6), IP, "amber", None, None, "Training courses were designed. We cannot yet count who has completed them."),
        (date(2018, 9, 24), IP, "amber", None, None, "Thousands of staff have been trained, but partners record completions differently, so no reliable percentage can be given."),
        (date(2024, 6, 10), IP, "green", None, None, "A shared training record is being introduced so that completion can be measured."),
    ],
    13: [
        (date(2015, 2, 23), IP, "red", 20, None, "Fewer than half of children returning from being missing were offered an interview."),
        (date(2016, 7, 18), IP, "amber", 50, date(2017, 12, 31), "An independent return interview service started.",
         {"target_date_reason": "The service started later than planned after a recruitment delay."}),
        (date(2018, 1, 22), IP, "amber", 70, None, "Most interviews now happen within 72 hours, but not yet for children placed out of area."),
        (date(2018, 2, 5), IP, "amber", 65, None, "Correction: the figure reported on 22 January 2018 double-counted some interviews. The right figure is 65%.",
         {"correction": True}),
        (date(2022, 4, 25), IP, "green", 85, date(2023, 12, 31), "Interviews for children placed out of area are now arranged with receiving areas.",
         {"target_date_reason": "Extended to cover children placed out of area."}),
    ],
    14: [
        (date(2016, 5, 16), NS, "amber", None, None, "Partners are mapping what each already spends on exploitation services."),
        (date(2019, 11, 4), IP, "amber", 30, date(2021, 3, 31), "The first jointly commissioned service, for survivors' support, was awarded.",
         {"target_date_reason": "Pooled budgets were ruled out for two partners, so plans were redrawn."}),
        (date(2023, 9, 11), IP, "green", 60, None, "A joint needs assessment now guides all commissioning decisions."),
    ],
    15: [
        (date(2014, 12, 15), IP, "amber", 25, None, "The first progress report was published as a document."),
        (date(2016, 6, 6), IP, "green", 50, None, "Progress reports are now published every six months."),
        (date(2021, 6, 28), IP, "green", 65, None, "Scrutiny papers and strategic group minutes are now published online."),
        (date(2026, 5, 18), IP, "green", 80, None, "This online tracker now shows the position of every recommendation, with downloads and a feed."),
    ],
}

# (reference, title, description, owner, due date, status, priority, recommendation numbers)
ACTIONS = [
    ("A01", "One risk tool and the training to use it", "Roll out the shared risk assessment tool and train staff to use it.", "Council", date(2017, 3, 31), "complete", True, [1, 12]),
    ("A02", "Keep track of children who are placed away or go missing", "A single protocol for children placed out of area and for return interviews after a missing episode.", "Police", date(2026, 3, 31), "in-progress", True, [2, 13]),
    ("A03", "A support pathway for victims and survivors", "Commission therapeutic and peer support together, for children and adults.", "NHS", date(2025, 3, 31), "in-progress", True, [3, 14]),
    ("A04", "A joint team that shares what it knows", "Keep the co-located team and give it the information-sharing it needs.", "Police", date(2027, 3, 31), "paused", True, [4, 11]),
    ("A05", "Prevention in schools and communities", "Lessons in every school and awareness work with community and faith groups.", "Schools team", date(2025, 7, 31), "in-progress", False, [5, 6]),
    ("A06", "Safer taxis and night-time economy", "Driver training, fast information sharing and licensing reviews.", "Council", date(2016, 3, 31), "complete", False, [7]),
    ("A07", "Leadership, scrutiny and open reporting", "Accountable leaders, public scrutiny and this progress tracker.", "Council", date(2026, 12, 31), "in-progress", False, [8, 9, 15]),
    ("A08", "Young people shape what we do", "An advisory group and survivor panel that influence services and training.", "Voluntary sector", date(2026, 9, 30), "in-progress", False, [10, 5]),
]

REPORTERS = {1: "Council", 2: "Council", 3: "NHS", 4: "Police", 5: "Schools team", 6: "Voluntary sector", 7: "Council",
             8: "Council", 9: "Council", 10: "Voluntary sector", 11: "Police", 12: "Public health", 13: "Police", 14: "NHS", 15: "Council"}
# fmt: on

RAG_REASONS = {
    "red": "Off track: the work has stalled or will miss its target date without new action.",
    "amber": "At risk: progress is being made, but there are problems to resolve.",
    "green": "On track: the work is progressing as planned.",
}


def seed(context):
    from tests.factories import (
        PriorityActionFactory,
        ProgressIndexPageFactory,
        ProgressUpdateFactory,
        RecommendationPageFactory,
    )

    home, partners = context["home"], context["partners"]
    index = ProgressIndexPage.objects.child_of(home).first() or ProgressIndexPageFactory(
        parent=home,
        search_description="Where each of the inquiry's 15 recommendations stands, with dated updates and downloads.",
        intro="<p>The independent inquiry made 15 recommendations. This is where each one stands, based on the "
        "updates the partners have published. Every update is kept, so you can see how things changed.</p>",
    )
    existing = {page.reference: page for page in RecommendationPage.objects.child_of(index)}
    pages = {}
    for number, theme, lead, priority, target, title, summary, wording, response, reason in RECOMMENDATIONS:
        reference = f"R{number:02d}"
        pages[number] = existing.get(reference) or RecommendationPageFactory(
            parent=index,
            number=number,
            reference=reference,
            title=title,
            summary=summary,
            original_wording=wording,
            theme=theme,
            response=response,
            response_reason=reason,
            lead_partner=partners.get(lead),
            is_priority=priority,
            original_target_date=target,
        )
    for reference, title, description, owner, due, status, priority, numbers in ACTIONS:
        if not PriorityAction.objects.filter(reference=reference).exists():
            PriorityActionFactory(
                reference=reference,
                title=title,
                description=description,
                owner=partners.get(owner),
                due_date=due,
                status=status,
                is_priority=priority,
                recommendations=[pages[number] for number in numbers],
            )
    for number, entries in UPDATES.items():
        page = pages[number]
        if page.updates.exists():
            continue
        previous, target_date, target_reason = None, None, ""
        for entry in entries:
            when, status, rag, percentage, new_target, narrative = entry[:6]
            extra = dict(entry[6]) if len(entry) > 6 else {}
            evidence = extra.pop("evidence", None)
            correction = extra.pop("correction", False)
            if new_target:  # a new target date stays in force, with its reason, until the next change
                target_date, target_reason = new_target, extra.pop("target_date_reason", "")
            previous = ProgressUpdateFactory(
                recommendation=page,
                date=when,
                status=status,
                status_reason=extra.pop("status_reason", ""),
                rag=rag,
                rag_rationale=RAG_REASONS[rag],
                percentage=percentage,
                target_date=target_date,
                target_date_reason=target_reason,
                narrative=f"<p>{narrative}</p>",
                reported_by=partners.get(REPORTERS[number]),
                is_correction=correction,
                corrects=previous if correction else None,
                published_on=when,
                evidence=[{"title": evidence, "url": "https://example.org/evidence"}] if evidence else [],
            )
    return {"progress_index": index, "recommendations": {page.reference: page for page in pages.values()}}
