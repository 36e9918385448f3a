"""Page parser rules for where an article ends: photo items, a story's own photo, titles after a byline."""

from __future__ import annotations

from zhqa.text.page import parse_page

STORY = (
    "欧洲队在莱德杯公开赛上领先\n\n本报记者 计海新\n\n"
    "周六的莱德杯公开赛四球比洞赛中，欧洲队球员表现出色，以10比6领先美国队。\n\n"
    "欧洲队队长比约恩表示，球队在周日的单人赛中仍需保持专注，美国队的实力不容小觑。\n\n"
)


def _titles(text: str) -> list[tuple[str, str]]:
    return [(a.kind, a.title.text) for a in parse_page(text).articles if a.title]


def test_a_photo_item_with_a_bare_credit_after_a_story_on_the_same_topic_is_its_own_item():
    text = STORY + (
        "欧洲队赢得莱德杯\n\n周日，欧洲队在莱德杯公开赛最后一天的单人赛中力压美国队，夺得冠军。\n\n本报通讯员 甘哲 摄\n"
    )
    assert _titles(text) == [("news", "欧洲队在莱德杯公开赛上领先"), ("photo", "欧洲队赢得莱德杯")]


def test_a_caption_that_tells_of_the_item_under_the_headline_makes_a_photo_item():
    text = STORY + (
        "白宫表示会晤可能延期\n\n周日白宫表示，特朗普与司法部副部长罗森斯坦的会晤可能再次延期。\n\n"
        "图为白宫表示特朗普与罗森斯坦的会晤可能延期。 本报通讯员 邢生祥 摄\n"
    )
    arts = parse_page(text).articles
    assert [(a.kind, a.title.text) for a in arts if a.title][1] == ("photo", "白宫表示会晤可能延期")
    assert arts[1].byline is not None and arts[1].byline.photo


def test_a_subheading_after_the_storys_own_captioned_photo_stays_in_the_story():
    text = STORY + (
        "图为欧洲队球员在莱德杯公开赛上。 本报记者 甘哲 摄\n\n"
        "单人赛决定莱德杯归属\n\n"
        "周日的单人赛共有12场，欧洲队只需再拿下4分即可卫冕莱德杯，美国队则需要一场大胜。\n"
    )
    arts = parse_page(text).articles
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs][2] == "单人赛决定莱德杯归属"
    assert [c.text for c in arts[0].captions] == ["图为欧洲队球员在莱德杯公开赛上。"]


def test_a_question_title_after_a_closing_byline_starts_an_article():
    text = (
        "欧洲队在莱德杯公开赛上领先\n\n"
        "周六的莱德杯公开赛四球比洞赛中，欧洲队球员表现出色，以10比6领先美国队。\n\n本报记者 计海新\n\n"
        "什么是全球公民节，它对减少贫困是否起到了作用？\n\n"
        "本周六纽约将举办全球公民节，这是每年一度的音乐盛事，活动的目的是终结世界贫困。\n"
    )
    assert [t for _, t in _titles(text)] == [
        "欧洲队在莱德杯公开赛上领先",
        "什么是全球公民节，它对减少贫困是否起到了作用？",
    ]


def test_unpunctuated_lines_under_a_top_byline_and_the_storys_photo_stay_in_the_story():
    text = (
        "新癌症疫苗可指导免疫系统辨别恶意细胞\n\n本报记者 邢生祥\n\n"
        "新癌症疫苗可指导免疫系统辨别恶意细胞并将其杀死\n\n"
        "其方法是先从患者体内提取免疫细胞，再在实验室内对免疫细胞进行改造\n\n"
        "试验疫苗在癌症患者体内发挥了良好效果，证明其对许多癌症均有疗效。\n\n"
        "图为新癌症疫苗可指导免疫系统辨别恶意细胞。 本报记者 甘哲 摄\n"
    )
    arts = parse_page(text).articles
    assert len(arts) == 1 and arts[0].kind == "news"
    assert len(arts[0].paragraphs) == 3 and len(arts[0].captions) == 1


def test_a_wide_headline_may_hold_a_dollar_amount():
    text = STORY + (
        "小偷在 Newport on the Levee 餐饮中心乘 ATM 装钞之机偷走 $26,750\n\n"
        "纽波特警察局的新闻发布显示，周五早间，小偷乘运钞车司机清空一台 ATM 之机偷走现金。\n\n"
        "本报通讯员 甘哲 摄\n"
    )
    assert _titles(text)[1] == ("photo", "小偷在 Newport on the Levee 餐饮中心乘 ATM 装钞之机偷走 $26,750")


def test_a_line_opening_with_a_connective_reads_on_from_the_story():
    text = (
        "鳄鱼泪\n\n本报记者 计海新\n\n"
        "《鳄鱼泪》是新加坡导演梁智强执导的电影，讲述中学教师文骏初到学校时满怀热情，希望用自己的方法教好每一个学生的故事。\n\n"
        "而文骏发觉自己的一腔理想\n\n"
        "在成绩为本的社会里处处碰壁，学生家长与校方都只看重考试分数。\n"
    )
    arts = parse_page(text).articles
    assert len(arts) == 1
    assert [p.text for p in arts[0].paragraphs][1] == "而文骏发觉自己的一腔理想"
