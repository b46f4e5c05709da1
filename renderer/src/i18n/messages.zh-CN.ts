import type { Messages } from './messages.en';

export const zhCN: Messages = {
  common: {
    loading: '加载中…', retry: '重试', cancel: '取消', save: '保存', delete: '删除', close: '关闭',
    yes: '是', no: '否', empty: '暂无数据', error: '出错了', reload: '重新加载', apply: '应用', reset: '重置',
    signOut: '退出登录', language: '语言', noPermission: '你没有访问权限。',
  },
  table: {
    search: '搜索…', loadMore: '加载更多', next: '下一页', previous: '上一页', columns: '列', export: '导出 CSV',
    import: '导入 CSV', views: '视图', saveView: '保存视图…', viewName: '视图名称', shared: '共享给所有成员',
    defaultView: '默认视图', total: '共 {{count, number}} 条', totalCapped: '超过 {{count, number}} 条', shown: '{{shown}} / {{total}}', pageN: '第 {{n}} 页', perPage: '{{n}} 条/页',
    filterContains: '包含…', min: '最小', max: '最大', new: '新建', deleteView: '删除视图', viewSaved: '视图已保存',
    selected: '已选 {{count}} 条', deleteSelected: '删除所选', confirmDelete: '删除 {{count}} 条记录？',
  },
  import: {
    title: '从 CSV 导入{{entity}}', drop: '点击或拖拽 CSV 文件到此处', hint: '第一行为列名（字段 ID 或名称）。',
    running: '正在导入… {{processed}} / {{total}} 行', done: '已导入 {{created}} 条记录；{{failed}} 行失败。',
    failed: '导入失败。', line: '行号', field: '字段', message: '问题', start: '导入',
    interrupted: '导入在第 {{line}} 行之后中断（服务器已停止）：已创建 {{created}} 条记录，{{failed}} 行失败。第 {{line}} 行之后的 {{rest}} 行未导入，请重新导入这些行。',
    wholeFile: '文件',
  },
  form: {
    create: '创建', save: '保存', saved: '已保存', created: '已创建', fixErrors: '请修正标出的字段。',
    required: '必填', conflictTitle: '记录已被他人修改',
    conflict: '你打开此记录后，它已被他人修改。重新加载可查看最新内容（你的修改将丢失），或继续编辑。',
    keepEditing: '继续编辑', unique: '该值已被其他记录使用。', notFound: '记录不存在或你无权查看。',
    invalidJson: '不是有效的 JSON', readonly: '只读', noRecord: '请打开一条记录进行编辑。',
  },
  detail: { history: '历史', activity: '活动', audit: '审计日志', edit: '编辑', noHistory: '暂无变更记录。', created: '创建了记录', updated: '修改了', deleted: '删除了记录', system: '系统' },
  validation: {
    email: '请输入有效的邮箱地址', url: '请输入以 http:// 或 https:// 开头的完整链接', date: '请输入有效的日期',
    datetime: '请输入有效的日期和时间', pattern: '格式不正确', maxLength: '最多 {{n}} 个字符',
    minLength: '至少 {{n}} 个字符', max: '不能大于 {{n}}', min: '不能小于 {{n}}', number: '请输入数字',
    option: '请从选项中选择', maxItems: '最多选择 {{n}} 项', duplicates: '每个值只能出现一次',
    boolean: '请输入 是 或 否（yes/no）', relation: '不存在 ID 为“{{id}}”的{{entity}}', forbidden: '你的角色无权设置此项',
    duplicateInFile: '该值已出现在文件第 {{line}} 行', cellCount: '此行有 {{cells}} 个单元格，表头有 {{columns}} 列',
    csvSyntax: '此行不是有效的 CSV（请检查引号）', stopped: '导入已停止：{{reason}}',
  },
  app: {
    notFound: '页面不存在', notFoundHint: '该地址不对应本应用的任何页面。', home: '返回首页',
    published: '应用已发布新版本。', loadFailed: '应用加载失败。', noPages: '此应用还没有页面。',
    unknownComponent: '未知的组件类型“{{type}}”', componentFailed: '此组件渲染失败。',
    noSource: '此组件需要实体数据源。', unknownEntity: '未知实体“{{entity}}”', live: '实时', offline: '正在重新连接…',
  },
};
