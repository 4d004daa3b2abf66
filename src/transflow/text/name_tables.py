"""Word tables for finding names in Chinese news (:mod:`transflow.text.names`): data, each with its reason.

Surnames, titles and the suffixes of places and organisations say where a name is; the rest say where
jieba's tags mislead (a verb of motion tagged as a place, a word of address read as a given name, a
particle glued to a foreign name). Kept apart from the rules so they can be read and extended as lists.
"""

from __future__ import annotations

#: Common Chinese surnames (single and compound); a person name starts with one of them.
SURNAMES = frozenset(
    "习王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄"
    "窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查"
    "麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴"
) | {"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "令狐", "夏侯"}
#: Titles and roles that precede a person's name in news text (书记罗海俊, 所长陈桥辉).
TITLES = frozenset(
    "工作人员 负责人 书记 副书记 局长 副局长 院长 副院长 所长 主任 副主任 干部 区长 副区长 市长 副市长 "
    "县长 镇长 省长 部长 厅长 主席 "
    "委员 记者 通讯员 经理 董事长 总经理 校长 队长 站长 村民 市民 医生 护士 教授 老师 总裁 主管 民警 支书 组长".split()
)
#: Suffixes that make a preceding proper noun a place (曲江+区, 松山+街道).
PLACE_SUFFIXES = frozenset(
    "省 市 县 区 镇 乡 村 街道 社区 州 盟 旗 开发区 新区 高速 高速公路 国道 路 街 大道 机场 港".split()
)
#: Suffixes that make a preceding proper-noun phrase an organisation (马坝+卫生院, 曲江区+交通运输局).
ORG_SUFFIXES = frozenset(
    "公司 有限公司 集团 局 卫生院 医院 派出所 协会 学会 委员会 委 政府 法院 检察院 银行 大学 学院 中学 小学 学校 "
    "中心 研究所 研究院 报社 电视台 厂 合作社 基金会 办公室 工作组 指挥部".split()
)
#: Words jieba tags as names that are not names in news text.
NOT_NAMES = frozenset("上门 南站 中省 驻区 施策 卫健 党组织 卫生院 安全网 本报讯 促发展 红马甲 严格执行 权威".split())
#: Single characters that follow a name but are never part of one (所说, 的, 在 ...).
NOT_GIVEN_NAME = frozenset("的了在是和与及说所从到向对为被把将也都就而并等后前里内外系")  # 系: "is" (formal)
#: Characters that end verb phrases and titles (戴上, 楼长, 闻令) but almost never a given name.
NOT_NAME_END = frozenset(
    "上下来去出进起了着过到长令们的地得个些员者家式性化"
    "是在则您我你他她吗呢吧啊和与及说某向以近将姓从对被把为于"  # function words jieba glues to a name: 杜丽以
    "书传感鼠社奖雨规暴术郡核箱途裔人神准共"  # nouns that end words jieba tags as names (白皮书, 施暴, 原山人)
    "后能会斯"  # 后 "after", modal verbs (脱欧后, 莫迪能, 盂兰胜会); 斯 ends foreign names (-s), not Chinese ones
)
#: Words of address after a surname (白娘子 "Lady Bai", 王先生 "Mr Wang", 戴妃 "Princess Diana"): a way of
#: naming someone without the given name, so there is no given name to romanize.
ADDRESS_TERMS = frozenset(
    "先生 女士 小姐 太太 夫人 娘子 公主 老师 师傅 大爷 大妈 阿姨 妃 后 总 老 姐 哥 叔 婶 伯 姨".split()
)
#: Conjunctions jieba glues to the name after them (凯特+和威廉): such a word is not a person named 和.
CONJUNCTIONS = frozenset("和与及同跟")
#: Words that join the names of a list (西蒙、劳瑞; 特朗普和莫迪): a name listed beside a foreign one,
#: spelt in transliteration characters, is foreign too (劳瑞 Laurie, not Lao Rui).
LIST_JOINERS = frozenset("、 和 及 与 以及".split())
#: Characters that follow the last piece of a foreign name, glued to it by jieba (弗朗西斯·伊芙+称).
FOREIGN_TAIL = frozenset("称说在将是的了和与及于用受")
#: ... and that precede its first piece (但+丹·诺顿, 与+莉萨·玛丽): conjunctions and particles.
FOREIGN_LEAD = frozenset("但与和及而或的了在对自当将被把从向给")
#: Surnames that are far more often ordinary words (万人, 时才, 高管, 谷歌): a two-character unknown word
#: starting with one is a person only with more evidence (a title before it, a speech verb after it).
WEAK_SURNAMES = frozenset(
    "万余时段高安花龙胡许季文和明华海南原强权谷颜全成党金白石马牛曾应于区单向乐位查尚封卜车米满武沙甘常惠易尤"
)
#: Verbs of motion and what they reach (上山, 进村, 下楼): jieba tags some of these as places.
MOTION_VERBS = frozenset("上下进出回到去来登返")
MOTION_GOALS = frozenset("山楼门岸街车船路坡岗台场乡城村岛")
#: Directions: a direction plus a common noun is a figure of speech (南大门 "southern gateway"), not a place.
DIRECTIONS = frozenset("东南西北中")
#: Nouns after which a two-character unknown word is an abbreviation, not a person (文旅部门, 文旅产业).
HEAD_NOUNS = frozenset("部门 产业 行业 企业 项目 市场 资源 融合 消费 工作 领域 系统 机构 单位 品牌".split())
#: Verbs that are part of institution names (科技创新局, 城市建设投资集团, 市场监督管理局).
ORG_NAME_VERBS = frozenset("创新 发展 建设 投资 开发 服务 管理 监督 检查 研究 治理 保障 规划 监管 运输 保护".split())
#: Verbs of speech: a dictionary name right before one is a person (张建国说, 李明表示).
SPEECH_VERBS = frozenset("说 表示 介绍 指出 认为 强调 透露 称 坦言 告诉 回忆 感慨".split())
