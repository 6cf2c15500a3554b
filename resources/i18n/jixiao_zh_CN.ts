<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Year</source>
        <translation type="obsolete">年度</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>The store is empty. Load the published sample forms as a demo?</source>
        <translation>数据库中还没有表格。是否载入已公开的示例表格作为演示？</translation>
    </message>
    <message>
        <source>Cannot open the store</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Backups are kept in %1 (the newest %2).</source>
        <translation>备份保存在 %1（保留最近 %2 个）。</translation>
    </message>
    <message>
        <source>No backups yet: one is taken when the window closes.</source>
        <translation>还没有备份：关闭窗口时会自动备份一次。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>每日备份</translation>
    </message>
    <message>
        <source>on close</source>
        <translation>关闭时备份</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前备份</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>This store has no backups (not a SQLite file).</source>
        <translation>此数据库不是 SQLite 文件，没有备份。</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Restored the backup of %1; the data it replaced was backed up first.</source>
        <translation>已恢复 %1 的备份；被替换的数据已先行备份。</translation>
    </message>
    <message>
        <source>Replace all forms by the backup of %1? The current data is backed up first.</source>
        <translation>用 %1 的备份替换全部表格吗？当前数据会先备份。</translation>
    </message>
    <message>
        <source>&amp;Restore backup…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>BatchFindingsBox</name>
    <message>
        <source>%1 of the %2 chosen forms have open findings; the budget system may refuse them.</source>
        <translation>所选 %2 个表格中有 %1 个还有问题未解决，预算系统可能拒绝导入。</translation>
    </message>
    <message>
        <source>… and %1 more forms</source>
        <translation>……另有 %1 个表格</translation>
    </message>
    <message>
        <source>Export &amp;all anyway</source>
        <translation>全部仍然导出(&amp;A)</translation>
    </message>
    <message>
        <source>Export only those &amp;without findings</source>
        <translation>只导出没有问题的(&amp;W)</translation>
    </message>
    <message>
        <source>%1: %2 findings</source>
        <translation>%1：%2 个问题</translation>
    </message>
</context>
<context>
    <name>BrowserModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>表格类型</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Has problems</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>已检查</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <source>Changed since export</source>
        <translation>自导出后已修改</translation>
    </message>
    <message>
        <source>Year %1</source>
        <translation>%1年度</translation>
    </message>
    <message>
        <source>(no unit)</source>
        <translation>（未填单位）</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（未命名）</translation>
    </message>
</context>
<context>
    <name>BrowserPanel</name>
    <message>
        <source>Search code or name</source>
        <translation>搜索编码或名称</translation>
    </message>
    <message>
        <source>Shows the forms whose project code or name contains the text</source>
        <translation>只显示项目编码或名称中含有所输入文字的表格</translation>
    </message>
</context>
<context>
    <name>CarryDialog</name>
    <message>
        <source>New year from this form</source>
        <translation>以上年为基础新建</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>表格</translation>
    </message>
</context>
<context>
    <name>ChoiceModel</name>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Maps to</source>
        <translation>对应为</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列标题</translation>
    </message>
    <message>
        <source>First row</source>
        <translation>首行内容</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare with an earlier year</source>
        <translation>与往年对比</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>(the log file could not be written)</source>
        <translation>（日志文件无法写入）</translation>
    </message>
    <message>
        <source>An unexpected error occurred (%1). Every accepted edit is saved; details are in the log: %2</source>
        <translation>程序发生意外错误（%1）。已确认的修改都已保存；详情已记入日志：%2</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>程序出错</translation>
    </message>
</context>
<context>
    <name>ExportFindingsBox</name>
    <message>
        <source>… and %1 more in the Findings panel</source>
        <translation>……另有 %1 条，见“问题”面板</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>This form has %1 open findings; the budget system may refuse it.</source>
        <translation>此表格还有 %1 个问题未解决，预算系统可能拒绝导入。</translation>
    </message>
    <message>
        <source>Export &amp;anyway</source>
        <translation>仍然导出(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Go and fix</source>
        <translation>去修改(&amp;G)</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>No problems found</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <source>Click a problem to go to its cell</source>
        <translation>单击问题可跳转到相应单元格</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
</context>
<context>
    <name>ImportPlanModel</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>表格类型</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>表样</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Project code</source>
        <translation>项目编码</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>指标数</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Already stored: will be replaced</source>
        <translation>已在库中：将覆盖</translation>
    </message>
    <message>
        <source>Already stored</source>
        <translation>已在库中</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>No year: type the budget year in the Year column</source>
        <translation>缺少年度：请在“年度”列填写预算年度</translation>
    </message>
    <message>
        <source>Code cut by Excel: type the full project code</source>
        <translation>项目编码被 Excel 截断：请填写完整编码</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>拒绝：%1</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>跳过：%1</translation>
    </message>
    <message>
        <source>Not supported yet (%1)</source>
        <translation>暂不支持（%1）</translation>
    </message>
    <message>
        <source>The store already holds this form. Tick it to replace the stored form with this sheet.</source>
        <translation>库中已有这张表格。勾选后将用本工作表覆盖库中的表格。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import forms</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <source>Tick the sheets to import. A sheet without a year or with a project code cut by Excel can be imported once you type it in the table (double-click or F2). Nothing is written before you press Import.</source>
        <translation>勾选要导入的工作表。缺少年度或项目编码被 Excel 截断的工作表，在表格中填写后即可导入（双击或按 F2）。按“导入”之前不会写入任何内容。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>&amp;Teach this layout…</source>
        <translation>学习此表样(&amp;T)…</translation>
    </message>
    <message>
        <source>%1 sheets in %2 files; %3 ticked to import.</source>
        <translation>%2 个文件共 %1 张工作表，已勾选导入 %3 张。</translation>
    </message>
</context>
<context>
    <name>IndicatorPanel</name>
    <message>
        <source>Insert row below</source>
        <translation>在下方插入行</translation>
    </message>
    <message>
        <source>Delete rows</source>
        <translation>删除行</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Spread weights evenly</source>
        <translation>均分权重</translation>
    </message>
    <message>
        <source>Use the date %1</source>
        <translation>改为日期 %1</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
</context>
<context>
    <name>LayoutMapping</name>
    <message>
        <source>Level 1 indicator</source>
        <translation>一级指标</translation>
    </message>
    <message>
        <source>Level 2 indicator</source>
        <translation>二级指标</translation>
    </message>
    <message>
        <source>Level 3 indicator (indicator name)</source>
        <translation>三级指标（指标名称）</translation>
    </message>
    <message>
        <source>Target value</source>
        <translation>指标值</translation>
    </message>
    <message>
        <source>Unit of measure</source>
        <translation>度量单位</translation>
    </message>
    <message>
        <source>Actual value</source>
        <translation>实际完成值</translation>
    </message>
    <message>
        <source>Points / weight</source>
        <translation>分值/权重</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Reason for deviation</source>
        <translation>偏差原因</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>指标解释</translation>
    </message>
    <message>
        <source>Keep this column</source>
        <translation>保留此列</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Project code</source>
        <translation>项目编码</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Applicant unit</source>
        <translation>申报单位</translation>
    </message>
    <message>
        <source>Implementing unit</source>
        <translation>实施单位</translation>
    </message>
    <message>
        <source>Budget unit (supervising department)</source>
        <translation>主管部门（预算单位）</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Unit code</source>
        <translation>单位编码</translation>
    </message>
    <message>
        <source>Supervising department</source>
        <translation>主管部门</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Keep as additional information</source>
        <translation>作为附加信息保留</translation>
    </message>
    <message>
        <source>Project self-evaluation</source>
        <translation>项目支出绩效自评表</translation>
    </message>
    <message>
        <source>Project performance target</source>
        <translation>项目支出绩效目标表</translation>
    </message>
    <message>
        <source>Unit-wide performance target</source>
        <translation>部门（单位）整体支出绩效目标表</translation>
    </message>
</context>
<context>
    <name>LayoutMappingDialog</name>
    <message>
        <source>Teach this layout</source>
        <translation>学习此表样</translation>
    </message>
    <message>
        <source>The app does not know the layout of sheet “%1”. Tell it what each column and label means (double-click a choice, or press F2 or Space): the layout is saved and used for every later sheet of this shape.</source>
        <translation>本程序还不认识工作表“%1”的表样。请指明每一列、每个标签的含义（双击“对应为”，或按 F2、空格键选择）：表样保存后，以后同样式的工作表都按它读取。</translation>
    </message>
    <message>
        <source>&amp;Kind of form:</source>
        <translation>表格种类(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Name of the layout:</source>
        <translation>表样名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Indicator columns (header row %1)</source>
        <translation>指标列（表头在第 %1 行）(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Labels above the indicators</source>
        <translation>指标上方的标签(&amp;L)</translation>
    </message>
    <message>
        <source>OK saves the layout and reads the sheet again.</source>
        <translation>按“确定”保存表样，并重新读取此工作表。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Performance Form Assistant</source>
        <translation>绩效填报助手</translation>
    </message>
    <message>
        <source>%1 (read-only store: view and export only)</source>
        <translation>%1（只读数据库：只能查看和导出）</translation>
    </message>
    <message>
        <source>Choose a form on the left, or create one with File ▸ New.</source>
        <translation>请在左侧选择一个表格，或通过“文件 ▸ 新建表格”新建一个。</translation>
    </message>
    <message>
        <source>Opening the store…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Years</source>
        <translation>历年(&amp;Y)</translation>
    </message>
    <message>
        <source>This project over the years</source>
        <translation>本项目历年</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;New form…</source>
        <translation>新建表格(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Duplicate form</source>
        <translation>复制表格(&amp;D)</translation>
    </message>
    <message>
        <source>De&amp;lete form…</source>
        <translation>删除表格(&amp;L)…</translation>
    </message>
    <message>
        <source>Mark as &amp;checked</source>
        <translation>标记为已检查(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Import forms…</source>
        <translation>导入表格(&amp;I)…</translation>
    </message>
    <message>
        <source>Import a &amp;folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Export form…</source>
        <translation>导出表格(&amp;E)…</translation>
    </message>
    <message>
        <source>Export a &amp;year…</source>
        <translation>按年度批量导出(&amp;Y)…</translation>
    </message>
    <message>
        <source>&amp;Print preview…</source>
        <translation>打印预览(&amp;P)…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>PDF of a unit&apos;s &amp;year…</source>
        <translation>单位全年表格 PDF(&amp;Y)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Insert row</source>
        <translation>插入行(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Delete rows</source>
        <translation>删除行(&amp;D)</translation>
    </message>
    <message>
        <source>Move row &amp;up</source>
        <translation>上移行(&amp;U)</translation>
    </message>
    <message>
        <source>Move row do&amp;wn</source>
        <translation>下移行(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Spread weights evenly</source>
        <translation>均分权重(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Compare with an earlier year…</source>
        <translation>与往年对比(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;New year from this form…</source>
        <translation>以上年为基础新建(&amp;N)…</translation>
    </message>
    <message>
        <source>Unit &amp;overview…</source>
        <translation>单位总览(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Search all years</source>
        <translation>搜索历年表格(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Find a &amp;form in the list</source>
        <translation>查找表格(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>使用说明(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Findings: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <source>Total %1 · %2</source>
        <translation>总分 %1 · %2</translation>
    </message>
    <message>
        <source>New form</source>
        <translation>新建表格</translation>
    </message>
    <message>
        <source>Duplicate form</source>
        <translation>复制表格</translation>
    </message>
    <message>
        <source>Delete form</source>
        <translation>删除表格</translation>
    </message>
    <message>
        <source>Delete %1 (%2)? You can undo this with Edit ▸ Undo.</source>
        <translation>删除“%1”（%2年度）？删除后可用“编辑 ▸ 撤销”恢复。</translation>
    </message>
    <message>
        <source>%1 findings remain; resolve them before marking the form checked.</source>
        <translation>还有 %1 个问题，请先处理后再标记为已检查。</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>Performance Form Assistant %1</source>
        <translation>绩效填报助手 %1</translation>
    </message>
</context>
<context>
    <name>NewFormDialog</name>
    <message>
        <source>New form</source>
        <translation>新建表格</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>表样</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>OverviewDialog</name>
    <message>
        <source>Unit overview</source>
        <translation>单位总览</translation>
    </message>
    <message>
        <source>Export to xlsx…</source>
        <translation>导出为 xlsx…</translation>
    </message>
    <message>
        <source>Export to xlsx</source>
        <translation>导出为 xlsx</translation>
    </message>
</context>
<context>
    <name>ProjectPanel</name>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Compare with selected year…</source>
        <translation>与所选年度对比…</translation>
    </message>
    <message>
        <source>New year from this form…</source>
        <translation>以上年为基础新建…</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search all years: code, name, indicator, goal</source>
        <translation>搜索历年：编码、名称、指标、目标</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>SheetView</name>
    <message>
        <source>Count: %1    Sum: %2</source>
        <translation>计数：%1    求和：%2</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>作用</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Import forms</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>%1 files: %2 imported, %3 not imported.</source>
        <translation type="vanished">共 %1 个文件：导入 %2 个，未导入 %3 个。</translation>
    </message>
    <message>
        <source>%1 of these forms are already in the store. Replace them with the files?</source>
        <translation type="vanished">其中 %1 个表格已在库中。是否用文件中的内容覆盖？</translation>
    </message>
    <message>
        <source>Form files (%1)</source>
        <translation>表格文件 (%1)</translation>
    </message>
    <message>
        <source>Import a folder of forms</source>
        <translation>导入文件夹中的表格</translation>
    </message>
    <message>
        <source>Export form</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>Import template (*.xlsx);;JSON (*.json)</source>
        <translation>导入模板 (*.xlsx);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>Cannot write %1 (%2)</source>
        <translation>无法写入 %1（%2）</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>PDF of a unit&apos;s year</source>
        <translation>单位全年表格 PDF</translation>
    </message>
    <message>
        <source>Export a year</source>
        <translation>按年度批量导出</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <source>Export into folder</source>
        <translation>导出到文件夹</translation>
    </message>
</context>
<context>
    <name>UnitTargetEditor</name>
    <message>
        <source>Insert task below</source>
        <translation>在下方插入任务</translation>
    </message>
    <message>
        <source>Delete task</source>
        <translation>删除任务</translation>
    </message>
</context>
<context>
    <name>UserLayouts</name>
    <message>
        <source>&amp;Taught layouts…</source>
        <translation>自定义表样(&amp;T)…</translation>
    </message>
</context>
<context>
    <name>UserLayoutsDialog</name>
    <message>
        <source>Taught layouts</source>
        <translation>自定义表样</translation>
    </message>
    <message>
        <source>Layouts taught from the import preview (Teach this layout…), kept in %1. Each reads every later sheet of its shape.</source>
        <translation>在导入预览中学习的表样（学习此表样…），保存在 %1。以后同样式的工作表都按它读取。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>删除(&amp;M)…</translation>
    </message>
    <message>
        <source>Rename layout</source>
        <translation>重命名表样</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Remove the layout “%1”? Files of its shape will no longer be read by it; forms already imported keep their content.</source>
        <translation>删除表样“%1”？此后同样式的文件不再按它读取；已导入的表格内容不受影响。</translation>
    </message>
    <message>
        <source>Remove layout</source>
        <translation>删除表样</translation>
    </message>
</context>
</TS>
