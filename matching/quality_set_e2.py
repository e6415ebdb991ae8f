"""E2 (望江街道): a second test district of the labelled match-quality set, written blind.

Written, labels included, by a helper who never read how the matcher decides (not its
facts, concepts, scores, text model, acceptance rule or validation, nor the other
districts beyond a few lines of one tuning district to see the form). The labels are a
street clerk's judgment only. The line format is the one of :mod:`matching.quality_set`'s
docstring; that module parses these blocks into the half ``"E2"``.

The street: 望江 (the old centre, a primary school and the library), 水泥厂 (a weak
unit-type compound of a closed cement works, no property company), 柳岸 (commodity housing
run by 柳岸物业), 樊家湾 (a weak village-to-residence community), 白沙岭 (a mountain
community 30-odd km away, only a forestry farm nearby) and 新河 (new housing).
"""


from __future__ import annotations

# community id -> (name, (x, y) km east/north of the street office, weak community)
COMMUNITIES_E2: dict[str, tuple[str, tuple[float, float], bool]] = {
    "C-W1": ("望江", (0.0, 0.0), False),
    "C-W2": ("水泥厂", (1.4, 0.9), True),
    "C-W3": ("柳岸", (2.1, -0.6), False),
    "C-W4": ("樊家湾", (0.5, 2.3), True),
    "C-W5": ("白沙岭", (28.0, 18.0), False),
    "C-W6": ("新河", (-1.7, 0.7), False),
}

# (unit, community) registered with each other (双报到)
REGISTRATIONS_E2: tuple[tuple[str, str], ...] = (
    ("U-WJG", "C-W2"), ("U-WXX", "C-W1"), ("U-WNH", "C-W4"), ("U-WWY", "C-W3"),
)

RESOURCES_E2 = """
WR01|U-WWS|home_medical|次|8|0.2,0.1|3|onsite||||望江卫生服务站家庭医生|签约医生每周一、三、五下午出诊到家，量血压测血糖、开慢病长处方，换药拆线也能做
WR02|U-WZY|home_medical|场|2|1.0,0.5|4|onsite||||中医院名中医义诊|每月两次进社区坐诊，针灸推拿、把脉开方，带两名护士
WR03|U-WZY|nursing|小时|20|1.0,0.5|4|onsite|||仅限本院出院病人|中医院延续护理|护士上门做伤口换药、胃管尿管护理、压疮护理，仅限本院出院病人，要带出院小结
WR04|U-WZY|psychological|次|10|1.0,0.5|4|at_unit|||只在周四下午，需本人到院|心身科公益门诊|每周四下午留十个公益号，心理医生面谈，需本人到医院
WR05|U-WXX|child_education|小时|40|0.3,0.4|2|at_unit|||只收本校学生|望江小学课后服务|放学后留校写作业、做手工，老师看到六点，只收本校学生
WR06|U-WXX|venue|场地|1|0.3,0.4|2|at_unit|300|sports_leisure|只在周六周日|望江小学礼堂和操场|礼堂三百座，操场能开运动会，只在周六周日对外借
WR07|U-WZX|child_education|小时|16|2.0,-0.4|3|onsite|||只辅导初中|柳岸中学党员教师辅导队|党员老师周三晚上到社区给初中生答疑，语数英物都有，小学的不接
WR08|U-WZX|sports_leisure|场|4|2.0,-0.4|2|at_unit|||只在寒暑假|中学体育馆假期开放|篮球馆、乒乓球室寒暑假免费对周边居民开放，开学后不开
WR09|U-WNH|smartphone_training|场|6|1.2,0.8|3|onsite||community_education||农商行手机支付防诈课|客户经理进社区教扫码付款、辨别诈骗短信、手机上交电费水费
WR10|U-WNH|funds|元|50000|1.2,0.8|50|online|||只用于樊家湾社区|农商行共建金|五万元，只给双报到的樊家湾社区，用途由社区党组织上会定
WR11|U-WNH|employment|场|2|1.2,0.8|3|onsite||||创业担保贷款宣讲|信贷员讲创业担保贷款怎么申请、要带哪些材料，现场可预审
WR12|U-WNH|materials|台|20|1.2,0.8|10|onsite||||农商行淘汰电脑|营业部换下来的二十台台式电脑，能开机能上网，送到社区
WR13|U-WJG|volunteering|小时|60|1.5,1.0|3|onsite||environment|限本单位双报到社区|建工集团青年突击队|青年职工周六上门出力气，搬家具、清楼道杂物、通下水，限双报到的水泥厂社区
WR14|U-WJG|materials|件|200|1.5,1.0|4|at_unit|||需自行拉运|工地余料|工地剩下的水泥、砂子、地砖、栏杆，社区可以拿去修补，自己找车来拉
WR15|U-WKJ|smartphone_training|场|10|-1.5,0.6|50|online|||只有线上|云课堂手机直播课|每周二上午直播，教微信视频、网上挂号、打车，要自己会进直播间
WR16|U-WKJ|community_education|次|30|-1.5,0.6|50|online|||只远程|程序员远程帮忙|IT志愿者在群里远程装软件、设置手机、查电脑毛病，不上门
WR17|U-WLS|legal_advice|次|12|0.1,0.2|4|onsite||dispute_mediation|不代写诉状不出庭|明理律所一居一法律顾问|律师每月到各社区坐班一次，婚姻、继承、劳动、物业纠纷都能问，只咨询，不代写诉状不出庭
WR18|U-WLS|legal_advice|次|20|0.1,0.2|50|online||||明理律所电话咨询|工作日九点到五点打电话，律师轮值接听
WR19|U-WSG|psychological|次|12|2.0,-0.5|3|onsite||||心晴社工站个案辅导|持证社工上门做心理疏导，丧亲、抑郁情绪、家庭变故，一个个案跟三个月
WR20|U-WSG|elderly_care|小时|40|2.0,-0.5|3|onsite|||仅限六十五岁以上|心晴社工站探访|每周上门看望高龄、独居的，聊聊天、看看煤气电器，仅限六十五岁以上
WR21|U-WSG|dispute_mediation|次|6|2.0,-0.5|3|onsite||psychological||社工站家庭关系调解|婆媳、夫妻、父子闹矛盾，社工上门坐下来谈
WR22|U-WTS|reading_room|次|500|0.0,0.3|50|online|||仅限持证读者|区图书馆数字资源|电子书、有声书、期刊库，办了读者证手机上就能看
WR23|U-WTS|venue|场地|1|0.0,0.3|3|at_unit|12||只在工作日|图书馆研讨间|三楼小研讨间一张长桌十二个座，工作日可约
WR24|U-WTS|reading_room|场|4|0.0,0.3|3|onsite||community_education||流动图书车|每月开到社区一次，车上两千册，可借可还
WR25|U-WXF|public_safety|场|4|0.8,1.8|4|onsite||||消防站进社区|消防员上门检查楼道通道、教用灭火器，可搞一次逃生演练
WR26|U-WXF|public_safety|次|10|0.8,1.8|4|onsite|||只查不修|消防员入户排查|上门看电线、燃气灶、电动车充电，只查隐患开整改单，不负责修
WR27|U-WWY|property_management|小时|30|2.2,-0.7|2|onsite|||只服务本公司在管小区|柳岸物业红色物业服务队|水电维修、换灯泡、通下水，只服务柳岸花园在管楼栋
WR28|U-WWY|environment|小时|20|2.2,-0.7|3|onsite||||物业保洁绿化突击|保洁、绿化工可以帮周边社区清一次垃圾、修剪树枝
WR29|U-WCS|funds|元|30000|0.5,0.5|50|online|||只用于困难家庭中小学生助学|望江慈善基金助学金|只用于困难家庭的中小学生助学，每人每学期一千元，不能挪作他用
WR30|U-WCS|funds|元|20000|0.5,0.5|50|online|||只用于老楼楼道加装扶手和声控灯|慈善基金楼道改造专项|两万元，只用于老楼楼道加装扶手和声控灯
WR31|U-WDJ|venue|场地|1|0.0,0.0|3|at_unit|40|party_lecture|只在工作日晚上|街道党群服务中心多功能厅|四十个座位有投影，工作日晚上七点到九点可借
WR32|U-WNC|hardship_assistance|份|20|9.0,-7.0|2|onsite||materials||城郊农场爱心蔬菜|每周送二十份自家种的蔬菜给附近困难户
WR33|U-WSL|elderly_care|份|30|27.5,17.5|3|at_unit||||林场职工食堂助餐|林场食堂中午多做三十份，周边老人来吃一份五元
WR34|U-WSL|public_safety|小时|40|27.5,17.5|4|onsite||volunteering||林场护林员巡逻|护林员巡山顺路巡村道，防火、防偷，夜里也有人值班
WR35|U-WYK|home_medical|场|2|12.0,3.0|2|onsite||||眼科医院白内障筛查|眼科医生带设备筛查白内障、青光眼，符合条件的可减免手术费
WR36|U-WML|hairdressing|次|30|-1.6,0.8|2|onsite|||只在每月第一个周一|新河发艺义剪|每月第一个周一理发师上门给老人、残疾人剪头
WR37|U-WCY|elderly_care|份|60|1.4,1.0|2|onsite||delivery|只在工作日|老厂食堂助餐|工作日中午一份十元送到楼下，周末不做
WR38|U-WKD|delivery|次|40|0.9,0.2|3|onsite||||快递小哥顺路跑腿|帮行动不便的取药、代买菜，顺路送上门
WR39|U-WYGL|volunteering|小时|80|0.0,0.0|4|onsite||elderly_care environment|只在周末|义工联周末志愿者|周末组织志愿者陪老人、打扫卫生、帮搬东西，工作日人凑不齐
WR40|U-WJZ|housekeeping|小时|20|-1.2,0.9|3|onsite|||不做护理不陪夜|家政公司公益保洁|每月给困难户免费打扫两次，擦窗拖地洗油烟机，不做护理不陪夜
WR41|U-WRS|employment|场|3|0.0,0.0|4|onsite||||人社所招聘会进社区|带二十家企业岗位来社区，保安保洁、仓管、普工、收银都有，现场登记
WR42|U-WDS|party_lecture|场|4|0.5,0.0|4|onsite||||区委党校教授讲党课|党校老师讲二十大精神、党史故事，可配合支部主题党日
WR43|U-WWG|culture_arts|场|6|-0.5,1.2|3|onsite||sports_leisure||区文化馆文艺辅导|舞蹈、合唱、书法老师每周来社区教一次，也帮排节目
WR44|U-WFZ|tailoring|件|50|1.6,1.2|3|onsite||||服装厂党员缝补摊|每月第二个周六在社区门口摆摊，改裤脚、换拉链、缝被套
WR45|U-WWS|epidemic_prevention|次|200|0.2,0.1|3|at_unit||home_medical||卫生服务站疫苗接种|流感、肺炎疫苗，六十岁以上免费，到站里打
"""

NEEDS_E2 = """
WN01|C-W2|home_medical|次|3|2|||老厂退休的几个老头高压一百八|不肯去医院，说排队太累，药断了好几天了|WR01|WR45
WN02|C-W1|home_medical|次|1|3|||我妈八十六了，腿上的疮一直流脓|上个月刚从中医院出院，走不了路，想有人来家里换药|WR03 WR01|
WN03|C-W6|nursing|小时|10|3|||老伴中风后瘫了，身上长了褥疮|在市一医院住的院，出来以后就没人管了，我一个人翻不动|WR01|WR03 WR40
WN04|C-W5|home_medical|次|2|2|||山上老人看病要坐两个钟头的车|一个月就一趟班车，好多人小病拖成大病||WR01 WR02
WN05|C-W4|home_medical|场|1|1|||村里老人眼睛雾蒙蒙看不清|好几个说看东西像隔了层毛玻璃||WR35 WR02
WN06|C-W2|elderly_care|份|20|2|||厂里孤寡老人晌午饭凑合|有的一天就吃一顿泡面，灶也不敢开|WR37|WR33
WN07|C-W6|elderly_care|份|10|2|||周末子女不在，老人饭没着落|平时在单位食堂吃，就周六周日两天没人作饭||WR37 WR39
WN08|C-W3|elderly_care|小时|8|2|||楼上独居的阿姨好几天没下楼|六十八岁，腿脚不好，怕她一个人在家出事|WR20|
WN09|C-W1|elderly_care|小时|6|2|||六十岁的刘姐独自在家，老公刚走|儿女在外省，她整天不出门|WR19|WR20
WN10|C-W4|elderly_care|小时|20|2|||村里的老辈白天坐在门口发呆|年轻人都出去打工了，留下的老辈没人说话|WR39|WR20
WN11|C-W5|elderly_care|份|15|2|||山里老人做一顿饭要劈柴烧灶|腿脚不便的几个，经常中午就啃个冷馒头|WR33|WR37
WN12|C-W2|nursing|小时|12|3|||老刘家媳妇白天要上班，瘫痪的公公没人翻身喂饭|去年在市一院做的手术，一天到晚躺着，想找个人白天来搭把手||WR40 WR03
WN13|C-W1|child_education|小时|20|2|||娃放学三点半就到家，家里没大人|双职工，孩子在望江小学读二年级|WR05|WR07
WN14|C-W6|child_education|小时|10|2|||新河这边的孩子下午放学没人管|都在新河实验小学上学，爷爷奶奶接回来就看手机||WR05 WR07
WN15|C-W3|child_education|小时|8|2|||初二的娃数学物理都挂了|家里请不起家教，孩子自己也着急|WR07|WR05
WN16|C-W4|child_education|小时|6|1|||村里留守娃暑假天天下河|去年隔壁村淹了一个，家长在外地急死了||WR08 WR05
WN17|C-W1|child_education|场|2|1|||小区里的孩子周末就窝在家里打游戏|家长想让他们出去跑跑跳跳|WR06|WR08
WN18|C-W6|legal_advice|次|2|2|||开发商交房三年了房产证还办不下来|二百多户业主一肚子气，想知道该找谁|WR17 WR18|
WN19|C-W2|legal_advice|次|1|3|||老厂宿舍有户人家兄弟为房子要打官司|想找人帮写起诉状，到法院去帮着说||WR17 WR18
WN20|C-W5|legal_advice|次|2|2||是|山里几户的林地被邻村占了|线上问问政策也行|WR18|WR17
WN21|C-W3|dispute_mediation|次|2|2|||楼上楼下为漏水吵了半年|楼下天花板都发霉了，楼上不让进门看|WR17 WR27|WR21
WN22|C-W1|dispute_mediation|次|1|2|||婆婆和儿媳天天吵，孙子吓得不敢回家|吵到要离婚了|WR21 WR19|
WN23|C-W4|dispute_mediation|次|2|2|||征地补偿款怎么分，几家亲戚闹翻了|村改居时的老帐，祠堂里差点打起来|WR17|WR21
WN24|C-W6|psychological|次|3|3|||高二的儿子割过手腕|孩子不肯出门，更不肯去医院，家里人不知道怎么办||WR19 WR04
WN25|C-W3|psychological|次|4|2|||老公走了以后我天天睡不着|一闭眼就是他，家里东西都不敢动|WR19 WR04|
WN26|C-W2|smartphone_training|场|2|1|||老工人拿着手机只会接电话|超市买菜人家让扫码，站在那儿干着急，还怕被骗|WR09|WR15
WN27|C-W5|smartphone_training|场|1|1||是|山里老人想跟外地孩子视频|有人会打开直播，可以跟着学|WR15|
WN28|C-W4|smartphone_training|场|2|1||否|村里老人收到短信说中了大奖就信|月月跑营业厅排队缴电钱，得有人坐跟前手把手教，网上的课他们点不开|WR09|WR15 WR16
WN29|C-W1|community_education|次|3|1||是|社区电脑老是中毒，打印机连不上|工作人员都不懂，远程弄也行|WR16|
WN30|C-W6|reading_room|场地|1|1|||新河活动室有书架没书|孩子们放学来了没东西看|WR24|WR22
WN31|C-W5|reading_room|场|1|1|||山里娃想看书，镇上也没书店|学校图书角就几十本旧书，村里信号差，家里都没宽带||WR22 WR24
WN32|C-W2|venue|场地|1|2|60||水泥厂党员大会没地方开|六十多个老党员，老礼堂漏雨封了，想定在周三上午||WR23 WR31 WR06
WN33|C-W3|venue|场地|1|1|25||业委会换届要开个会|二十几个楼栋长加业主代表，晚上开，周一到周五哪天都行|WR31|WR23
WN34|C-W1|party_lecture|场|1|2|||七一想请人给支部讲讲党史|老党员们点名要听点有分量的|WR42|
WN35|C-W4|party_lecture|场|1|1|80||樊家湾支部主题党日要讲党课|八十来个党员，周六上午，村委会院子里能坐|WR42|WR31
WN36|C-W6|culture_arts|场|4|1|||广场舞队跳来跳去就那几个动作|大妈们想排个舞过年上台|WR43|
WN37|C-W5|culture_arts|场|2|1|||白沙岭的腰鼓队想请老师来教|自己瞎敲好几年了||WR43
WN38|C-W2|public_safety|次|15|3|||老宿舍过道里停满电动车，晚上拉飞线充电|去年隔壁楼就着过一回|WR25 WR26|
WN39|C-W4|public_safety|次|20|3|||村里自建房电线老化，插座一插就冒火花|都是几十年前拉的线，得有人来换||WR26 WR13 WR27
WN40|C-W5|public_safety|小时|20|2|||秋冬山里容易着火，村里就剩老人|晚上没人看着|WR34|WR25
WN41|C-W3|property_management|小时|6|2|||七栋楼道灯以经坏了一个多月|晚上黑灯瞎火，老人摔过一跤|WR27|
WN42|C-W2|property_management|小时|10|2|||老宿舍没物业，下水道一个月堵三回|化粪池往外冒，一楼住户家里都进了|WR13|WR27
WN43|C-W6|property_management|小时|8|2|||新河二期楼道堆满纸箱旧家具|消防来说过好几回了，没人清|WR39|WR13
WN44|C-W2|environment|小时|10|2|||厂区后面那片空地成了倒脏东西的地方|蚊子苍蝇一大堆，夏天臭得开不了窗|WR13 WR28|
WN45|C-W4|environment|小时|12|1|||村口水塘漂满塑料袋|下雨天一股味|WR39|WR28
WN46|C-W4|materials|件|50|2|||村里那条路坑坑洼洼，一下雨全是泥|老人走路摔了好几个|WR14 WR10|
WN47|C-W1|funds|元|5000|2|||孩子考上高中，学费凑不齐|单亲妈妈在超市上班，一个月两千多|WR29|
WN48|C-W2|funds|元|10000|2|||老党员活动室屋顶的防水层裂了|一下雨桌子都泡了，想要点钱请施工队来做||WR10 WR29 WR30
WN49|C-W6|funds|元|3000|1|||社区想给独居老人家里按装一键呼叫|好几个老人在家摔了半天才被发现||WR30 WR29
WN50|C-W1|hardship_assistance|份|5|2|||低保户老陈一家菜都舍不得买|老婆常年吃药，儿子残疾||WR32
WN51|C-W4|hardship_assistance|元|2000|3|||樊家湾一户房子着火烧光了|一家四口暂时住在亲戚家，锅碗瓢盆都没了|WR10|WR29 WR32
WN52|C-W3|employment|场|1|2|||好多全职妈妈想找个能接孩子的活|孩子上学了，白天有空，又不想走远|WR41|WR11
WN53|C-W2|employment|场|1|2|||厂子关了以后四十多岁的下岗工人闲在家|想开个小饭馆又没本钱|WR11|
WN54|C-W6|hairdressing|次|10|1|||瘫在床上的老爷子头发长得盖住耳朵了|出不了门，又没人会剪|WR36|
WN55|C-W3|hairdressing|次|8|1|||柳岸几个坐轮椅的老人想周末理个发|子女周末在家能帮着抬||WR36
WN56|C-W2|tailoring|件|30|1|||老人的棉被的套子都破了，衣服扣子掉了没人缝|眼睛花了穿不上针|WR44|
WN57|C-W6|delivery|次|10|2|||腿脚不好的几户老人买不了药|药店要走二十分钟，下雨天就断顿|WR38|
WN58|C-W5|delivery|次|8|2|||白沙岭老人寄给孩子的土特产快递进不来|最近的网点在镇上，十几里山路||WR38
WN59|C-W1|epidemic_prevention|次|40|2|||入冬了社区好多老人咳嗽发烧|想让老人们提前防一防|WR45|
WN60|C-W3|elderly_care|小时|4|1|||周三下午想有人陪老人下下棋|活动室里就几个老头，凑不够一桌||WR39
WN61|C-W5|smartphone_training|场|2|1||否|山里老人的手机就是个摆设|得有人上门坐在边上教，直播课他们打不开||WR15 WR09
"""
