"""Tuning district ``T8`` (锡岭, a tin-mining town's workers' village), written blind.

Written, labels included, by a helper who never read how the matcher decides: a
workers' village by an old tin mine, a flotation plant's dormitories, an old street, a
resettlement estate, a remote pit village (三号井) and a riverside community. Line format
as in :mod:`matching.quality_set`.
"""

from __future__ import annotations

# community id -> (name, (x, y) km east/north of the street office, weak community)
COMMUNITIES_T8: dict[str, tuple[str, tuple[float, float], bool]] = {
    "C-A1": ("矿工新村", (0.0, 0.0), False),
    "C-A2": ("选矿厂", (1.2, 0.9), True),
    "C-A3": ("锡岭老街", (2.1, -0.4), False),
    "C-A4": ("棚改安置区", (0.5, 2.0), True),
    "C-A5": ("三号井", (26.0, -8.0), False),
    "C-A6": ("河东", (-1.6, 0.7), False),
}

# (unit, community) registered with each other (双报到)
REGISTRATIONS_T8: tuple[tuple[str, str], ...] = (
    ("U-AKJ", "C-A1"), ("U-AWY", "C-A4"), ("U-AYY", "C-A2"), ("U-ALS", "C-A3"))

RESOURCES_T8 = """
AR01|U-AYY|home_medical|次|8|1.0,1.0|4|onsite||nursing||职工医院巡诊小分队|每月两次下社区，给行动不便的老矿工量血压、开药、看尘肺复查单子
AR02|U-AYY|nursing|小时|20|1.0,1.0|4|onsite||||康复科护士上门|术后、中风后的病人，护士白天上门换药、教家属做康复动作，不陪夜
AR03|U-AWS|home_medical|人次|40|-1.2,0.5|4|at_unit||epidemic_prevention||卫生服务站周六义诊|周六上午在站里免费测血糖血压、看常见病，来站里排队即可
AR04|U-AWS|epidemic_prevention|人次|100|-1.2,0.5|3|at_unit||||流感疫苗接种点|秋冬季六十岁以上免费打流感疫苗，带身份证和医保卡来站里
AR05|U-AXX|child_education|小时|30|0.3,1.5|3|at_unit|||只收本校学生，仅学期中|子弟学校晚托班|学期中放学后老师留到六点半，看着写作业，只收本校学生
AR06|U-AXX|venue|场|4|0.3,1.5|3|at_unit|300|sports_leisure||学校操场和礼堂周末开放|周末礼堂能坐三百人，操场可以办运动会，提前一周约
AR07|U-AXX|culture_arts|场|2|0.3,1.5|3|onsite||||学校鼓号队进社区|逢年过节孩子们的鼓号队可以来演一场
AR08|U-AYH|smartphone_training|场|6|2.0,-0.3|3|onsite||public_safety||农商行防诈骗讲堂|大堂经理进社区，教老人用手机银行，讲冒充公检法、保健品、刷单这些骗局
AR09|U-AYH|funds|元|5000|2.0,-0.3|3|onsite|||仅限金融知识宣传|网点宣传经费|每年五千元，只能用于金融知识宣传活动的横幅、折页
AR10|U-AKJ|volunteering|人次|60|0.2,0.3|5|onsite||environment public_safety||锡业集团党员突击队|在职党员下班后出人出力，搬东西、清垃圾、夜里巡逻都行
AR11|U-AKJ|materials|件|200|0.2,0.3|5|onsite||||集团淘汰劳保用品|九成新的棉工作服、棉大衣、雨靴、安全帽、线手套，可以捐
AR12|U-AKJ|employment|人|30|0.2,0.3|5|at_unit|||限18到45岁|集团外包岗位招工|井下辅助和地面保洁岗位，18到45岁，体检合格，包吃住
AR13|U-AJX|tailoring|件|50|1.3,0.8|3|onsite||||机修厂老师傅便民修理|修自行车、三轮车、收音机电饭锅等小家电，换锁芯、换灯泡开关，每月最后一个周六摆摊也可上门
AR14|U-AJX|venue|间|1|1.3,0.8|3|at_unit|12|||机修厂小会议室|十二个座位，工作日晚上可借
AR15|U-ALS|legal_advice|小时|16|2.2,-0.5|4|onsite||dispute_mediation||正衡律所值班律师|每月两次坐班，工伤赔偿、欠薪、遗产继承、租房合同都能问
AR16|U-ALS|legal_advice|次|20|2.2,-0.5|50|online||||正衡律所线上答疑群|微信群里文字回复，不出门，不代写诉状
AR17|U-ASG|psychological|小时|24|0.6,1.9|3|onsite||||阳光社工站个案陪伴|社工一对一上门谈心，对象是失独、丧偶、刚出狱、经历事故等情绪低落的人
AR18|U-ASG|elderly_care|小时|40|0.6,1.9|3|onsite||hardship_assistance||社工站“老伙伴”探访|每周上门看望独居老人，陪聊、帮读信、代买药，不做饭不陪夜
AR19|U-ASG|child_education|小时|20|0.6,1.9|3|onsite|||只接6到12岁，仅学期中|四点半课堂|学期中周一到周五在安置小区活动室，志愿大学生辅导作业，只接6到12岁
AR20|U-ATS|reading_room|场|8|-0.8,0.2|3|onsite||community_education||图书馆流动书车|书车每月开到社区一次，借还书、办证，带一百来本大字版
AR21|U-ATS|community_education|场|4|-0.8,0.2|4|at_unit|40|||图书馆周末公益讲座|健康养生、家庭教育类讲座，报告厅四十座
AR22|U-APC|public_safety|次|12|1.8,0.4|4|onsite||dispute_mediation||锡岭派出所社区民警驻点|民警每周来社区坐半天，邻里吵架、电动车被偷、可疑人员都可以找
AR23|U-APC|public_safety|场|3|1.8,0.4|4|onsite||||反诈宣传进楼栋|民警带着视频和案例到楼道讲，一次半小时
AR24|U-AWY|property_management|件|40|0.5,2.1|2|onsite|||只管本公司在管的安置小区|安居物业维修班|在管小区的下水道疏通、楼道灯、单元门禁，报修两天内上门
AR25|U-AWY|environment|次|6|0.5,2.1|2|onsite||||安居物业保洁队|可以帮忙清楼道堆物、清运大件垃圾，要提前排班
AR26|U-AJJ|funds|元|30000|3.0,3.0|10|onsite|||仅限大病医疗救助|矿工互助基金大病救助金|只用于患尘肺、癌症等大病的矿工家庭报销后自付部分，不能挪作他用
AR27|U-AJJ|funds|元|8000|3.0,3.0|10|onsite|||仅限矿工子女助学|矿工子女助学金|给困难矿工家庭在读的孩子，一学期每人八百
AR28|U-AXH|smartphone_training|小时|10|5.0,4.0|50|online||||电信营业厅线上课堂|视频号直播教怎么用健康码、微信视频、网上缴费
AR29|U-AXH|materials|件|20|5.0,4.0|6|onsite||||电信旧手机回收再捐|回收后格式化的二手智能手机，可以送给需要的人
AR30|U-AFY|psychological|小时|30|12.0,9.0|100|online||||市心理援助热线|24小时电话，匿名，专业咨询师接听
AR31|U-AYZ|culture_arts|场|2|18.0,6.0|3|onsite||||市区星光艺术团送戏|市中心的民营艺术团，只在市区三公里内演出
AR32|U-AYZ|home_medical|次|10|18.0,6.0|3|onsite|||仅限口腔|市区私立口腔诊所上门|口腔检查、洗牙、补牙，只跑市区
AR33|U-AKJ|delivery|次|20|0.2,0.3|30|onsite||||集团通勤班车捎带|班车每天往返三号井，可以捎带药品、小件物品
AR34|U-AYY|home_medical|次|4|1.0,1.0|30|onsite||||医院三号井巡回医疗点|每季度一次，医生坐车去三号井给留守老人看病开药
AR35|U-AYE|child_education|小时|10|-1.4,0.9|2|at_unit|||只收3到6岁|河东幼儿园周六托管|周六上午老师看孩子，三到六岁
AR36|U-AWS|home_medical|次|10|-1.2,0.5|3|onsite|||仅限签约的失能老人|家庭医生签约上门|已签约的失能老人，医生每月上门一次
AR37|U-AYH|volunteering|人次|15|2.0,-0.3|3|onsite||||农商行青年志愿者|周末可以来陪老人、帮着搞活动、站桶劝导
AR38|U-AKJ|hardship_assistance|户|10|0.2,0.3|5|onsite||materials|仅限本集团职工和退休职工|集团工会困难职工慰问|春节前给困难职工和退休职工家庭送米面油和慰问金
AR39|U-AJX|hairdressing|人次|30|1.3,0.8|3|onsite||||退休女工义剪队|每月十五号在社区门口免费剪头，卧床的可以上门
AR40|U-ATS|venue|间|1|-0.8,0.2|3|at_unit|20|||图书馆研讨室|二十个座位，投影仪，周二到周五白天可借
AR41|U-APC|public_safety|次|8|1.8,0.4|4|onsite||||消防安全上门检查|派出所联合消防，上门查电线老化、电动车楼道充电
AR42|U-ALS|dispute_mediation|次|6|2.2,-0.5|4|onsite||||律师参与人民调解|调解员请律师一起到场，讲清法律后果
AR43|U-AYY|psychological|小时|8|1.0,1.0|4|at_unit||||职工医院心理门诊|每周三下午，需挂号到医院
AR44|U-AXX|sports_leisure|小时|10|0.3,1.5|3|onsite||||体育老师带太极和广场舞|周二周四傍晚来社区带大家活动、编排动作
AR45|U-AYH|materials|件|100|2.0,-0.3|3|onsite|||仅限本行客户|农商行节日礼品|米面油、环保袋，逢节日发给本行客户
AR46|U-AXH|smartphone_training|场|4|5.0,4.0|6|onsite||||电信小哥进社区教手机|营业厅员工带几台样机到社区，手把手教视频通话、拍照、发语音
"""

NEEDS_T8 = """
AN01|C-A1|home_medical|人|6|2|6||老矿工好几个喘不上气|楼里六个退下来的老井下工，上下楼都费劲，自己去不了城里|AR01|AR03
AN02|C-A1|nursing|小时|10|3|1||老伴中风回家了不会弄|出院一个礼拜，刀口要换药，腿也要练，我啥都不懂|AR02|AR36
AN03|C-A2|elderly_care|小时|8|2|1||刘奶奶一个人住，好几天没下楼|邻居说她儿子在外省打工，一年回来一次|AR18|AR17
AN04|C-A4|child_education|人|15|2|15||安置小区孩纸放了学满街跑|爸妈都在矿上三班倒，十来个小学生没人看|AR19|AR05
AN05|C-A6|child_education|人|8|2|8||周六上午两岁多的娃没处放|双职工周六都加班，孩子才两岁半||AR35
AN06|C-A3|legal_advice|次|3|3|1||工伤认定单位一直拖|老公井下砸伤腿，单位说不算工伤，半年了赔偿没着落|AR15|AR16
AN07|C-A5|dispute_mediation|次|2|2||否|宅基地边界吵了好几年|三号井几户人家为一道墙闹到现在，想有个懂法的人来村里当面说道说道，老人不会用微信||AR15 AR16 AR42
AN08|C-A2|funds|元|3000|2|||活动室要换空调|夏天四十度，老人来了坐不住||AR26 AR09
AN09|C-A1|hardship_assistance|元|5000|3|1||老张住院的钱交不起|在sq群里看到的：老张干了二十多年井下，前年查出矽肺，这回又住进去了，报完医保自己掏的那块还差五千多，他老婆在群里哭着问谁能帮帮，大家凑了一点但远远不够|AR26|AR27
AN10|C-A4|hardship_assistance|户|5|2|||几户低保户家里连件厚衣裳都没有|快入冬了，有的家里就一床被子|AR11|AR38 AR45
AN11|C-A1|hardship_assistance|户|4|2|||退休老矿工家里过年冷清清|几户老两口都是集团退下来的，日子紧巴巴|AR38|AR45
AN12|C-A3|smartphone_training|场|2|2|||老头接到电话说孙子出事要打钱|上个月老街已经有两个上当了，被骗走三万|AR23 AR08|AR28
AN13|C-A2|smartphone_training|人|20|1|20||老人不会用手机视频|孩子在外地，想看看孙子都不会弄|AR46|AR28
AN14|C-A5|smartphone_training|人|10|1|10|否|三号井的留守老人手机只会接电话|想学学视频聊天，得有人来当面教||AR46 AR28
AN15|C-A4|property_management|件|6|3|||三栋下水道又堵了|一楼满地污水，臭得没法进门|AR24|AR25
AN16|C-A3|property_management|件|3|2|||老街楼道灯坏了大半年|没有物业，晚上上楼摸黑|AR13|AR24
AN17|C-A1|environment|次|2|2|||楼后面堆满了破烂家具|堆了好几年，夏天招老鼠|AR10|AR25
AN18|C-A4|environment|次|1|2|||过道里堆的杂物挡路|消防来查过两回了|AR25 AR10|AR41
AN19|C-A6|public_safety|次|4|3|||晚上河东小路上总有人撬电动车|一个月丢了三辆|AR22 AR10|AR23
AN20|C-A2|public_safety|次|1|3|||老楼线路乱拉怕着火|选矿厂宿舍楼七十年代的，插板连插板|AR41|AR24
AN21|C-A3|dispute_mediation|次|2|2|||楼上漏水楼下不依不饶|两家吵到动手了|AR42 AR22|AR16
AN22|C-A1|psychological|小时|6|3|1||儿子井下出事走了以后她整天不说话|王大姐一个人在家，饭也不做，门也不出|AR17|AR43 AR30
AN23|C-A4|psychological|人|1|2|1||刚放出来的小伙子天天喝酒|家里人管不住，怕他再犯事|AR17|AR30
AN24|C-A2|employment|人|12|2|12||选矿厂下岗的大姐们想找点活|都五十出头了，能干力气活||AR12
AN25|C-A4|employment|人|6|2|6||几个年轻人闲在家里|二十来岁，高中毕业，没手艺|AR12|
AN26|C-A1|venue|场|1|2|100||重阳节想办个百来号人的联欢会|社区活动室只能坐三十个，周六办|AR06|AR14 AR40
AN27|C-A3|venue|场|1|1|25||周三晚上党员学习要个屋子|二十五个人左右||AR14 AR40
AN28|C-A6|venue|场|1|1|10||楼栋长开会没地方|十来个人，周四夜里七点|AR14|AR40
AN29|C-A2|culture_arts|场|1|1|||春节想热闹热闹|老年合唱队想有人来一起演|AR07|AR31
AN30|C-A5|culture_arts|场|1|1|||三号井一年到头看不上一场戏|老人们念叨以前矿上的文工团||AR31 AR07
AN31|C-A1|sports_leisure|小时|8|1|||大妈们跳广场舞没人领|音响是有的，就是没人会编|AR44|AR06
AN32|C-A6|reading_room|场|2|1|||河东的老头老太想看书|眼神不好，小字看不了|AR20|AR21
AN33|C-A5|reading_room|场|1|1|||三号井的娃暑假没书看|村里连个小卖部都没有||AR20
AN34|C-A3|community_education|场|1|1|||家长们管孩子玩手机管不住|想听听别人家是怎么弄的|AR21|AR19
AN35|C-A5|home_medical|人|15|2|15||留守老人看病要坐两小时车|三号井高血压糖尿病的十几个，走不动|AR34|AR03 AR01
AN36|C-A2|home_medical|人|3|2|3||三个老人牙疼得吃不了饭|||AR32
AN37|C-A6|epidemic_prevention|人|30|2|30||入冬了老人一感冒就住院|河东六十岁以上的30来个|AR04|AR03
AN38|C-A5|delivery|次|8|2|||三号井老人的药吃完了没人去城里拿|每月要去医院开一次，车票来回四十|AR33|AR34
AN39|C-A4|tailoring|件|15|1|||电驴子坏了没钱修|安置户靠它拉货卖菜|AR13|
AN40|C-A3|hairdressing|人|5|1|5||几个瘫在床上的老人头发老长|出不了门|AR39|
AN41|C-A2|micro_wish|件|1|1|1||小雨想要台能上网课的机子|她爸在井下摔伤了，家里只有一部老人机|AR29|
AN42|C-A1|funds|元|2000|1|||老年食堂想添几张桌椅|现在的塑料凳子坐坏了好几个||AR09 AR27
AN43|C-A4|child_education|人|6|2|6||初中娃学习跟不上|数学考二三十分，家里请不起家教||AR19 AR05
AN44|C-A6|elderly_care|人|4|2|4||几个空巢老人吃饭凑合|天天泡饭就咸菜||AR18
AN45|C-A2|nursing|小时|40|3|1||瘫痪的老周晚上要人守着|老伴自己也八十了，夜里翻不动身||AR02 AR18
AN46|C-A3|volunteering|人次|10|1|||老街要搞分类投放宣传缺人手|礼拜六礼拜天两天，要人守着桶边|AR37 AR10|
AN47|C-A4|materials|件|30|2|||安置小区环卫工没手套没雨衣|外包的环卫工十几个|AR11|AR45
AN48|C-A1|psychological|小时|4|2|||矿上出事以后几个工友夜里睡不着|一闭眼就是那天的事|AR17 AR43|AR30
AN49|C-A6|legal_advice|次|1|2|1||房东不退押金|租的河东老房子，押金三千，房东电话不接|AR15 AR16|
AN50|C-A3|home_medical|人次|20|1|20||老街老人想测测血糖|好多人有糖尿病自己不知道|AR03|AR32
AN51|C-A2|public_safety|场|1|1|||宿舍楼里老人家爱买保健品|一买好几千，子女拦不住|AR23 AR08|
AN52|C-A5|public_safety|次|2|2|||三号井夜里有人偷电缆|村里就剩老人，不敢出门||AR22 AR10
AN53|C-A1|environment|次|1|1|||花坛里全是狗屎烟头|没人管|AR10|AR25
AN54|C-A6|child_education|小时|10|2|||暑假里小学生整天在家看电视|双职工，孩子一个人在家不放心||AR05 AR19
AN55|C-A3|micro_wish|件|1|1|1||独居的陈爷爷想要个收音机|以前那个坏了，他就爱听评书|AR13|AR29
AN56|C-A2|hardship_assistance|元|800|2|1||井下工人的女儿考上高中学费凑不齐|她爸尘肺在家养病|AR27|AR26
AN57|C-A4|epidemic_prevention|人次|50|2|||安置小区老人没打过流感针|去河东卫生站太远，好多人腿脚不好，得有人上门打||AR04
AN58|C-A1|volunteering|人次|20|1|||重阳节联欢缺人摆桌子端茶|周六上午|AR37 AR10|
AN59|C-A6|tailoring|件|5|1|||几家门锁坏了|老人一个人住，锁芯卡住进不去门|AR13|
AN60|C-A3|legal_advice|次|1|1|1||爷爷想立个遗嘱|怕几个子女以后打架|AR15|AR42
AN61|C-A2|sports_leisure|小时|6|1|||退休工人想学套拳强身|没人教|AR44|
AN62|C-A4|smartphone_training|场|1|2|||群里有人发链接说领补贴|好几家点了，wx里的钱被扣了|AR23 AR08|AR28
"""
