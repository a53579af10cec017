<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>OutcomeText</name>
    <message>
        <source>success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>function error</source>
        <translation>函数错误</translation>
    </message>
    <message>
        <source>init error</source>
        <translation>初始化错误</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>runtime exited</source>
        <translation>运行时已退出</translation>
    </message>
    <message>
        <source>throttled</source>
        <translation>被限流</translation>
    </message>
    <message>
        <source>invalid request</source>
        <translation>无效请求</translation>
    </message>
    <message>
        <source>response too large</source>
        <translation>响应过大</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Serverless Workbench: write, run, see, price and deploy serverless functions.</source>
        <translation>Serverless Workbench：编写、运行、观察、估价并部署无服务器函数。</translation>
    </message>
    <message>
        <source>A workspace folder to open.</source>
        <translation>要打开的工作区文件夹。</translation>
    </message>
    <message>
        <source>Save a screenshot to FILE (after --invoke runs) and quit.</source>
        <translation>将截图保存到 FILE（在 --invoke 运行之后）并退出。</translation>
    </message>
    <message>
        <source>With --screenshot: invoke the selected function N times first.</source>
        <translation>与 --screenshot 一起使用：先调用所选函数 N 次。</translation>
    </message>
    <message>
        <source>With --screenshot: bring these panels to the front (Run, Cost, Timeline, Logs, Metrics; comma-separated).</source>
        <translation>与 --screenshot 一起使用：将这些面板置于最前（Run、Cost、Timeline、Logs、Metrics；以逗号分隔）。</translation>
    </message>
    <message>
        <source>Use this theme for this run only: system, light or dark (View &gt; Theme keeps one).</source>
        <translation>仅在本次运行中使用此主题：system、light 或 dark（“视图 &gt; 主题”会保存主题）。</translation>
    </message>
    <message>
        <source>Show the window in this language for this run only: a locale name such as de or zh_CN (en for English).</source>
        <translation>仅在本次运行中以此语言显示窗口：一个区域设置名称，例如 de 或 zh_CN（en 表示英语）。</translation>
    </message>
</context>
<context>
    <name>swb</name>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>Usage: swb %1 %2</source>
        <translation>用法：swb %1 %2</translation>
    </message>
    <message>
        <source>The workspace folder (default: the current folder).</source>
        <translation>工作区文件夹（默认：当前文件夹）。</translation>
    </message>
    <message>
        <source>Print machine-readable JSON.</source>
        <translation>输出机器可读的 JSON。</translation>
    </message>
    <message>
        <source>swb: %1</source>
        <translation>swb：%1</translation>
    </message>
    <message>
        <source>Run &quot;swb --help&quot; for usage.</source>
        <translation>运行“swb --help”查看用法。</translation>
    </message>
    <message>
        <source>Run &quot;swb %1 --help&quot; for usage.</source>
        <translation>运行“swb %1 --help”查看用法。</translation>
    </message>
    <message>
        <source>There is no function &quot;%1&quot; in %2.</source>
        <translation>%2 中没有函数“%1”。</translation>
    </message>
    <message>
        <source>The history has no invocation of &quot;%1&quot; yet; run it first (swb invoke %1 --repeat 20, or swb load %1 ...).</source>
        <translation>历史中还没有“%1”的调用；请先运行它（swb invoke %1 --repeat 20，或 swb load %1 ...）。</translation>
    </message>
    <message>
        <source>Price a function&apos;s month on AWS Lambda, Azure Functions, Google Cloud Functions and OpenWhisk: requests, compute, cold-start init, free tier, provisioned concurrency, storage and API Gateway as separate lines. Typed figures, the workspace&apos;s saved scenarios, or durations measured by the local runner. Prices: built-in tables with their sources (--prices), overridden by the workspace&apos;s pricing.json.</source>
        <translation>计算函数在 AWS Lambda、Azure Functions、Google Cloud Functions 和 OpenWhisk 上一个月的费用：请求、计算、冷启动初始化、免费额度、预置并发、存储和 API Gateway 分行列出。数据可以是输入的数值、工作区保存的场景，或本地运行器测得的执行时长。价格：内置价格表及其来源（--prices），可由工作区的 pricing.json 覆盖。</translation>
    </message>
    <message>
        <source>aws (default), azure, gcp or openwhisk; several separated by commas price the same usage side by side.</source>
        <translation>aws（默认）、azure、gcp 或 openwhisk；用逗号分隔多个，可并排计算同一用量的费用。</translation>
    </message>
    <message>
        <source>azure: consumption (default) or flex; gcp: gen2 (default) or gen1; openwhisk: ibm (default) or self-hosted.</source>
        <translation>azure：consumption（默认）或 flex；gcp：gen2（默认）或 gen1；openwhisk：ibm（默认）或 self-hosted。</translation>
    </message>
    <message>
        <source>Memory in MB (default 128, or the measured function&apos;s).</source>
        <translation>内存，单位 MB（默认 128，或所测函数的内存）。</translation>
    </message>
    <message>
        <source>Invocations per month.</source>
        <translation>每月调用次数。</translation>
    </message>
    <message>
        <source>Invocations per second, averaged over a 730-hour month (instead of --invocations).</source>
        <translation>每秒调用次数，按每月 730 小时平均（代替 --invocations）。</translation>
    </message>
    <message>
        <source>Duration of one invocation in ms.</source>
        <translation>单次调用的执行时长，单位毫秒。</translation>
    </message>
    <message>
        <source>x86_64 (default) or arm64.</source>
        <translation>x86_64（默认）或 arm64。</translation>
    </message>
    <message>
        <source>The provider&apos;s region (default: its first).</source>
        <translation>云服务商的区域（默认：其第一个区域）。</translation>
    </message>
    <message>
        <source>Subtract the monthly free tier (off by default: most accounts use it up).</source>
        <translation>扣除每月免费额度（默认关闭：大多数账户已用完）。</translation>
    </message>
    <message>
        <source>Share of invocations that are cold starts (0..1); with --init-ms.</source>
        <translation>冷启动调用所占比例（0..1）；需与 --init-ms 一起使用。</translation>
    </message>
    <message>
        <source>Init duration of a cold start in ms.</source>
        <translation>冷启动的初始化时长，单位毫秒。</translation>
    </message>
    <message>
        <source>API Gateway in front (AWS): none (default), http or rest.</source>
        <translation>前置 API Gateway（AWS）：none（默认）、http 或 rest。</translation>
    </message>
    <message>
        <source>Ephemeral storage in MB (AWS; 512 is free).</source>
        <translation>临时存储，单位 MB（AWS；512 免费）。</translation>
    </message>
    <message>
        <source>AWS provisioned concurrency: instances kept all month; with --provisioned-share, the share of invocations they serve (default 1).</source>
        <translation>AWS 预置并发：整月保留的实例数；配合 --provisioned-share 指定它们处理的调用比例（默认 1）。</translation>
    </message>
    <message>
        <source>See --provisioned.</source>
        <translation>参见 --provisioned。</translation>
    </message>
    <message>
        <source>Price the workspace&apos;s scenario NAME.</source>
        <translation>计算工作区中场景 NAME 的费用。</translation>
    </message>
    <message>
        <source>Price the workspace&apos;s scenarios side by side: NAME1,NAME2,...</source>
        <translation>并排计算工作区中多个场景的费用：NAME1,NAME2,...</translation>
    </message>
    <message>
        <source>Take the durations (per invocation), the cold-start share and the init duration from FUNCTION&apos;s history in the workspace.</source>
        <translation>从工作区中 FUNCTION 的历史获取执行时长（每次调用）、冷启动比例和初始化时长。</translation>
    </message>
    <message>
        <source>Price memory sizes FROM..TO[:STEP] (MB), scaling the duration with the CPU each size gets.</source>
        <translation>计算内存大小 FROM..TO[:STEP]（MB）的费用，并按每种大小获得的 CPU 缩放执行时长。</translation>
    </message>
    <message>
        <source>For --sweep: the share of the duration that scales with CPU (default 1).</source>
        <translation>用于 --sweep：执行时长中随 CPU 缩放的比例（默认 1）。</translation>
    </message>
    <message>
        <source>For --sweep: CPUs the code keeps busy (default 1).</source>
        <translation>用于 --sweep：代码占用的 CPU 数（默认 1）。</translation>
    </message>
    <message>
        <source>The monthly volume where always-on servers become cheaper.</source>
        <translation>常驻服务器开始更便宜时的每月调用量。</translation>
    </message>
    <message>
        <source>For --break-even: the server (see --prices; default: the provider&apos;s smallest).</source>
        <translation>用于 --break-even：服务器（参见 --prices；默认：该云服务商最小的服务器）。</translation>
    </message>
    <message>
        <source>For --break-even: how many (default 1).</source>
        <translation>用于 --break-even：服务器数量（默认 1）。</translation>
    </message>
    <message>
        <source>List the effective prices and where each comes from.</source>
        <translation>列出生效的价格及其来源。</translation>
    </message>
    <message>
        <source>cost takes no positional arguments (&quot;%1&quot;); name scenarios with --scenario or --compare.</source>
        <translation>cost 不接受位置参数（“%1”）；请用 --scenario 或 --compare 指定场景。</translation>
    </message>
    <message>
        <source>MB from 64 to 32768</source>
        <translation>64 到 32768 之间的 MB 数</translation>
    </message>
    <message>
        <source>a count from 0 to 10^13</source>
        <translation>0 到 10^13 之间的数量</translation>
    </message>
    <message>
        <source>a rate from 0 to 10^6</source>
        <translation>0 到 10^6 之间的速率</translation>
    </message>
    <message>
        <source>milliseconds from 0 to 900000</source>
        <translation>0 到 900000 之间的毫秒数</translation>
    </message>
    <message>
        <source>a share from 0 to 1</source>
        <translation>0 到 1 之间的比例</translation>
    </message>
    <message>
        <source>MB from 512 to 10240</source>
        <translation>512 到 10240 之间的 MB 数</translation>
    </message>
    <message>
        <source>a count of instances</source>
        <translation>实例数</translation>
    </message>
    <message>
        <source>a number of CPUs</source>
        <translation>CPU 数</translation>
    </message>
    <message>
        <source>a count from 1</source>
        <translation>从 1 起的数量</translation>
    </message>
    <message>
        <source>Give --invocations or --per-second, not both.</source>
        <translation>请指定 --invocations 或 --per-second，不能同时指定。</translation>
    </message>
    <message>
        <source>--arch is x86_64 or arm64, not &quot;%1&quot;.</source>
        <translation>--arch 应为 x86_64 或 arm64，而不是“%1”。</translation>
    </message>
    <message>
        <source>--gateway is none, http or rest, not &quot;%1&quot;.</source>
        <translation>--gateway 应为 none、http 或 rest，而不是“%1”。</translation>
    </message>
    <message>
        <source>--cold-share and --init-ms go together: the cost of cold starts needs both.</source>
        <translation>--cold-share 和 --init-ms 必须一起使用：计算冷启动费用需要两者。</translation>
    </message>
    <message>
        <source>Give --scenario or --compare, not both.</source>
        <translation>请指定 --scenario 或 --compare，不能同时指定。</translation>
    </message>
    <message>
        <source>--measured is for typed usage; a scenario measures its own function when it has no durationMs.</source>
        <translation>--measured 用于输入的用量；场景没有 durationMs 时会测量它自己的函数。</translation>
    </message>
    <message>
        <source>Give --sweep or --break-even, not both.</source>
        <translation>请指定 --sweep 或 --break-even，不能同时指定。</translation>
    </message>
    <message>
        <source>--sweep takes FROM..TO[:STEP] in MB, such as 128..3008 or 128..1024:128, not &quot;%1&quot;.</source>
        <translation>--sweep 接受以 MB 为单位的 FROM..TO[:STEP]，例如 128..3008 或 128..1024:128，而不是“%1”。</translation>
    </message>
    <message>
        <source>--sweep&apos;s range must go up, in at most 1000 steps.</source>
        <translation>--sweep 的范围必须递增，且最多 1000 步。</translation>
    </message>
    <message>
        <source>--duration-ms is needed (or --measured FUNCTION, or --scenario NAME).</source>
        <translation>需要 --duration-ms（或 --measured FUNCTION，或 --scenario NAME）。</translation>
    </message>
    <message>
        <source>--invocations (per month) or --per-second is needed.</source>
        <translation>需要 --invocations（每月）或 --per-second。</translation>
    </message>
    <message>
        <source>swb: measured %1: %2 invocations, cold-start share %3, mean init %4 ms
</source>
        <translation>swb：已测量 %1：%2 次调用，冷启动比例 %3，平均初始化 %4 毫秒
</translation>
    </message>
    <message>
        <source>--plan names one provider&apos;s plan; price one provider at a time with it.</source>
        <translation>--plan 指定某个云服务商的方案；使用它时每次只能计算一个云服务商。</translation>
    </message>
    <message>
        <source>--provider: unknown provider &quot;%1&quot;; use %2.</source>
        <translation>--provider：未知的云服务商“%1”；请使用 %2。</translation>
    </message>
    <message>
        <source>--sweep prices one scenario or provider at a time.</source>
        <translation>--sweep 每次只计算一个场景或一个云服务商。</translation>
    </message>
    <message>
        <source>--break-even on %1 needs --server ID (one of: %2).</source>
        <translation>%1 上的 --break-even 需要 --server ID（可选：%2）。</translation>
    </message>
    <message>
        <source>aws, azure, gcp, openwhisk or local (default: the target&apos;s).</source>
        <translation>aws、azure、gcp、openwhisk 或 local（默认：部署目标的云服务商）。</translation>
    </message>
    <message>
        <source>A deploy target of workbench.json (for local: the stage name).</source>
        <translation>workbench.json 中的部署目标（local 时为阶段名称）。</translation>
    </message>
    <message>
        <source>A credentials profile (AWS: ~/.aws).</source>
        <translation>凭据配置文件（AWS：~/.aws）。</translation>
    </message>
    <message>
        <source>The region, over the target&apos;s and the profile&apos;s.</source>
        <translation>区域，优先于部署目标和配置文件中的区域。</translation>
    </message>
    <message>
        <source>Send every API call here instead (an emulator, a test server).</source>
        <translation>将每个 API 调用改发到此处（模拟器、测试服务器）。</translation>
    </message>
    <message>
        <source>Target &quot;%1&quot; deploys to %2, not %3.</source>
        <translation>目标“%1”部署到 %2，而不是 %3。</translation>
    </message>
    <message>
        <source>workbench.json has no deploy target &quot;%1&quot;%2.</source>
        <translation>workbench.json 中没有部署目标“%1”%2。</translation>
    </message>
    <message>
        <source> (it has none)</source>
        <translation>（一个也没有）</translation>
    </message>
    <message>
        <source>; it has: </source>
        <translation>；已有：</translation>
    </message>
    <message>
        <source>Say where: --provider aws|azure|gcp|openwhisk|local, or --target NAME from workbench.json.</source>
        <translation>请指定部署到哪里：--provider aws|azure|gcp|openwhisk|local，或 workbench.json 中的 --target NAME。</translation>
    </message>
    <message>
        <source>  cancelling…</source>
        <translation>  正在取消…</translation>
    </message>
    <message>
        <source>Deploying %1 to %2 (target %3)
</source>
        <translation>正在将 %1 部署到 %2（目标 %3）
</translation>
    </message>
    <message>
        <source>Rolling %1 on %2 (target %3) back to %4
</source>
        <translation>正在将 %2 上的 %1（目标 %3）回滚到 %4
</translation>
    </message>
    <message>
        <source>warning: the deploy was not recorded: %1</source>
        <translation>警告：本次部署未被记录：%1</translation>
    </message>
    <message>
        <source>Deployed %1: version %2%3
</source>
        <translation>已部署 %1：版本 %2%3
</translation>
    </message>
    <message>
        <source> (code unchanged, upload skipped)</source>
        <translation>（代码未变，跳过上传）</translation>
    </message>
    <message>
        <source>  id:     %1</source>
        <translation>  ID：    %1</translation>
    </message>
    <message>
        <source>  url:    %1</source>
        <translation>  URL：   %1</translation>
    </message>
    <message>
        <source>  code:   %1</source>
        <translation>  代码：  %1</translation>
    </message>
    <message>
        <source>  commit: %1</source>
        <translation>  提交：  %1</translation>
    </message>
    <message>
        <source> + uncommitted changes (%1)</source>
        <translation> + 未提交的更改（%1）</translation>
    </message>
    <message>
        <source>  commit: none (%1)</source>
        <translation>  提交：  无（%1）</translation>
    </message>
    <message>
        <source>warning: deployed with uncommitted changes; the record is marked dirty.</source>
        <translation>警告：部署包含未提交的更改；该记录被标记为“dirty”。</translation>
    </message>
    <message>
        <source>  tag:    %1</source>
        <translation>  标签：  %1</translation>
    </message>
    <message>
        <source>The workspace has no function &quot;%1&quot;; swb functions lists them.</source>
        <translation>工作区中没有函数“%1”；swb functions 会列出所有函数。</translation>
    </message>
    <message>
        <source>Deploy a function: package its folder (honouring .swbignore), create or update it on the platform, wait until it is ready, and record the deploy (commit, code hash, outcome) in .swb/deploys.json. An unchanged package skips the upload. Ctrl+C cancels.</source>
        <translation>部署函数：打包其文件夹（遵循 .swbignore），在平台上创建或更新函数，等待其就绪，并将部署（提交、代码哈希、结果）记录到 .swb/deploys.json。包未变化时跳过上传。按 Ctrl+C 取消。</translation>
    </message>
    <message>
        <source>The function.</source>
        <translation>函数。</translation>
    </message>
    <message>
        <source>deploy needs one function name.</source>
        <translation>deploy 需要一个函数名。</translation>
    </message>
    <message>
        <source>Deploy a function&apos;s folder as it was at a commit: read from git into a temporary folder (your working tree is not touched), packaged and deployed like swb deploy, recorded and tagged with that commit. The function&apos;s settings are today&apos;s.</source>
        <translation>按某次提交时的状态部署函数的文件夹：从 git 读取到临时文件夹（不触碰您的工作树），像 swb deploy 一样打包和部署，记录并以该提交打标签。函数的设置使用当前的设置。</translation>
    </message>
    <message>
        <source>The commit (id, abbreviation, tag such as deploy/aws/hello/2).</source>
        <translation>提交（ID、缩写，或 deploy/aws/hello/2 这样的标签）。</translation>
    </message>
    <message>
        <source>rollback needs one function name.</source>
        <translation>rollback 需要一个函数名。</translation>
    </message>
    <message>
        <source>rollback needs --to COMMIT; swb history FUNCTION lists the commits.</source>
        <translation>rollback 需要 --to COMMIT；swb history FUNCTION 会列出提交。</translation>
    </message>
    <message>
        <source>Show a deployed function&apos;s log lines from the platform (AWS: CloudWatch Logs; the local stage: what swb serve --stage recorded). --tail keeps following (Ctrl+C stops); a line is never shown twice, also across reconnects.</source>
        <translation>显示已部署函数在平台上的日志行（AWS：CloudWatch Logs；本地阶段：swb serve --stage 记录的内容）。--tail 持续跟踪（Ctrl+C 停止）；同一行不会显示两次，重新连接后也不会。</translation>
    </message>
    <message>
        <source>From how long ago (30s, 10m, 2h, 1d) or an ISO time (default 10m).</source>
        <translation>从多久以前开始（30s、10m、2h、1d）或 ISO 时间（默认 10m）。</translation>
    </message>
    <message>
        <source>Keep following.</source>
        <translation>持续跟踪。</translation>
    </message>
    <message>
        <source>Only lines containing TEXT.</source>
        <translation>只显示包含 TEXT 的行。</translation>
    </message>
    <message>
        <source>logs needs one function name.</source>
        <translation>logs 需要一个函数名。</translation>
    </message>
    <message>
        <source>--since takes 30s, 10m, 2h, 1d or an ISO time, not &quot;%1&quot;.</source>
        <translation>--since 接受 30s、10m、2h、1d 或 ISO 时间，而不是“%1”。</translation>
    </message>
    <message>
        <source>warning: %1 (still trying)</source>
        <translation>警告：%1（仍在重试）</translation>
    </message>
    <message>
        <source>reconnected</source>
        <translation>已重新连接</translation>
    </message>
    <message>
        <source>check: for each platform (or --provider), which credentials were found and whether the platform accepts them. Secrets are never printed.</source>
        <translation>check：对每个平台（或 --provider 指定的平台）显示找到了哪些凭据，以及平台是否接受它们。绝不输出机密信息。</translation>
    </message>
    <message>
        <source>providers takes one action: check.</source>
        <translation>providers 只接受一个操作：check。</translation>
    </message>
    <message>
        <source>%1: ok — %2 (credentials: %3; endpoint: %4%5)
</source>
        <translation>%1：正常 — %2（凭据：%3；端点：%4%5）
</translation>
    </message>
    <message>
        <source>; region %1</source>
        <translation>；区域 %1</translation>
    </message>
    <message>
        <source>%1: not usable — %2
</source>
        <translation>%1：不可用 — %2
</translation>
    </message>
    <message>
        <source>List the event templates.</source>
        <translation>列出事件模板。</translation>
    </message>
    <message>
        <source>event list takes no arguments.</source>
        <translation>event list 不接受参数。</translation>
    </message>
    <message>
        <source>fields: </source>
        <translation>字段：</translation>
    </message>
    <message>
        <source>Print an event of KIND, with fields set by --set. TARGET is a field name from &quot;swb event list&quot;, a JSON pointer (/Records/0/s3/bucket/name) or a dotted path (Records.0.s3.bucket.name).</source>
        <translation>输出一个 KIND 类型的事件，字段由 --set 设置。TARGET 是“swb event list”中的字段名、JSON 指针（/Records/0/s3/bucket/name）或点分路径（Records.0.s3.bucket.name）。</translation>
    </message>
    <message>
        <source>An event kind from &quot;swb event list&quot;.</source>
        <translation>“swb event list”中的一种事件类型。</translation>
    </message>
    <message>
        <source>Set TARGET to VALUE (JSON where the template holds a non-string; repeatable).</source>
        <translation>将 TARGET 设为 VALUE（模板中为非字符串时使用 JSON；可重复）。</translation>
    </message>
    <message>
        <source>Write the event to FILE instead of printing it.</source>
        <translation>将事件写入 FILE，而不是输出。</translation>
    </message>
    <message>
        <source>event generate needs one event kind; &quot;swb event list&quot; shows them.</source>
        <translation>event generate 需要一种事件类型；“swb event list”会列出它们。</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>已写入 %1。</translation>
    </message>
    <message>
        <source>event needs a subcommand: list or generate.</source>
        <translation>event 需要一个子命令：list 或 generate。</translation>
    </message>
    <message>
        <source>Usage: swb event list [--json]
       swb event generate KIND [--set TARGET=VALUE ...] [--out FILE]

Test events shaped as AWS services send them (API Gateway, S3, SQS, SNS, EventBridge, DynamoDB, Kinesis).
</source>
        <translation>用法：swb event list [--json]
      swb event generate KIND [--set TARGET=VALUE ...] [--out FILE]

测试事件，格式与 AWS 服务发送的一致（API Gateway、S3、SQS、SNS、EventBridge、DynamoDB、Kinesis）。
</translation>
    </message>
    <message>
        <source>unknown event subcommand &quot;%1&quot;; use list or generate.</source>
        <translation>未知的 event 子命令“%1”；请使用 list 或 generate。</translation>
    </message>
    <message>
        <source>Change a workspace&apos;s functions:
  new NAME [--runtime ID]   a function from the runtime&apos;s template: NAME/ with a handler answering GET /NAME, and a saved event
  rename OLD NEW            renames it in workbench.json, its saved events and scenarios
  delete NAME [--delete-files]  removes it from workbench.json (and its code folder and events with --delete-files)</source>
        <translation>修改工作区的函数：
  new NAME [--runtime ID]   从运行时模板创建函数：NAME/ 含一个响应 GET /NAME 的处理程序，以及一个已保存的事件
  rename OLD NEW            在 workbench.json、其已保存的事件和场景中重命名函数
  delete NAME [--delete-files]  从 workbench.json 中移除函数（加 --delete-files 时同时删除其代码文件夹和事件）</translation>
    </message>
    <message>
        <source>new, rename or delete</source>
        <translation>new、rename 或 delete</translation>
    </message>
    <message>
        <source>For new: %1 (default python3.12).</source>
        <translation>用于 new：%1（默认 python3.12）。</translation>
    </message>
    <message>
        <source>For delete: also delete the code folder (unless another function uses it) and the saved events.</source>
        <translation>用于 delete：同时删除代码文件夹（除非其他函数也在使用）和已保存的事件。</translation>
    </message>
    <message>
        <source>function needs an action: new, rename or delete.</source>
        <translation>function 需要一个操作：new、rename 或 delete。</translation>
    </message>
    <message>
        <source>function rename needs OLD and NEW names.</source>
        <translation>function rename 需要旧名称和新名称（OLD 和 NEW）。</translation>
    </message>
    <message>
        <source>function %1 needs one function name.</source>
        <translation>function %1 需要一个函数名。</translation>
    </message>
    <message>
        <source>Created &quot;%1&quot; (%2, handler %3) in %4; try: swb invoke %1 --workspace %5 --event hello
</source>
        <translation>已在 %4 中创建“%1”（%2，处理程序 %3）；试试：swb invoke %1 --workspace %5 --event hello
</translation>
    </message>
    <message>
        <source>Renamed &quot;%1&quot; to &quot;%2&quot;.
</source>
        <translation>已将“%1”重命名为“%2”。
</translation>
    </message>
    <message>
        <source>Removed &quot;%1&quot; and its files.
</source>
        <translation>已移除“%1”及其文件。
</translation>
    </message>
    <message>
        <source>Removed &quot;%1&quot; from workbench.json; its files are still there.
</source>
        <translation>已从 workbench.json 中移除“%1”；其文件仍然保留。
</translation>
    </message>
    <message>
        <source>Create a workspace from an AWS SAM template.yaml or a Serverless Framework serverless.yml. What cannot be imported is listed as a warning.</source>
        <translation>从 AWS SAM 的 template.yaml 或 Serverless Framework 的 serverless.yml 创建工作区。无法导入的内容会以警告列出。</translation>
    </message>
    <message>
        <source>template.yaml or serverless.yml.</source>
        <translation>template.yaml 或 serverless.yml。</translation>
    </message>
    <message>
        <source>Folder to write workbench.json in (default: the file&apos;s folder).</source>
        <translation>写入 workbench.json 的文件夹（默认：该文件所在的文件夹）。</translation>
    </message>
    <message>
        <source>Replace an existing workbench.json.</source>
        <translation>替换已有的 workbench.json。</translation>
    </message>
    <message>
        <source>import needs exactly one file: a template.yaml or a serverless.yml.</source>
        <translation>import 需要且只需要一个文件：template.yaml 或 serverless.yml。</translation>
    </message>
    <message>
        <source>%1 already exists; use --force to replace it or --out to write elsewhere.</source>
        <translation>%1 已存在；使用 --force 替换，或使用 --out 写到别处。</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1 with %n function(s)</source>
        <translation>
            <numerusform>已写入 %1，含 %n 个函数</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n thing(s) not imported (see warnings)</source>
        <translation>
            <numerusform>；%n 项未导入（见警告）</numerusform>
        </translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message numerus="yes">
        <source>swb: the new workspace does not validate yet: %n problem(s) to fix in %1.</source>
        <translation>
            <numerusform>swb：新工作区尚未通过验证：%1 中有 %n 个问题需要修复。</numerusform>
        </translation>
    </message>
    <message>
        <source>START</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>INIT ms</source>
        <translation>初始化 ms</translation>
    </message>
    <message>
        <source>DURATION ms</source>
        <translation>时长 ms</translation>
    </message>
    <message>
        <source>BILLED ms</source>
        <translation>计费 ms</translation>
    </message>
    <message>
        <source>MEMORY MB</source>
        <translation>内存 MB</translation>
    </message>
    <message>
        <source>OUTCOME</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>
%1 invocations: %2 cold, %3 warm, %4 failed</source>
        <translation>
%1 次调用：%2 次冷启动，%3 次热启动，%4 次失败</translation>
    </message>
    <message>
        <source> (%1 throttled)</source>
        <translation>（%1 次被限流）</translation>
    </message>
    <message>
        <source>. Duration p50 %1 ms, p95 %2 ms, p99 %3 ms</source>
        <translation>。执行时长 p50 %1 ms，p95 %2 ms，p99 %3 ms</translation>
    </message>
    <message>
        <source>; init p50 %1 ms</source>
        <translation>；初始化 p50 %1 ms</translation>
    </message>
    <message>
        <source>Cannot read the event from standard input.</source>
        <translation>无法从标准输入读取事件。</translation>
    </message>
    <message>
        <source>The event %1 is neither a file nor a saved event of &quot;%2&quot;; saved events: %3.</source>
        <translation>事件 %1 既不是文件，也不是“%2”已保存的事件；已保存的事件：%3。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Cannot read the event %1: %2.</source>
        <translation>无法读取事件 %1：%2。</translation>
    </message>
    <message>
        <source>Invoke a function on the local runner (real processes, the Lambda Runtime API, cold and warm starts). Logs with Lambda&apos;s START/END/REPORT lines go to stderr; the response, or a table with --repeat, to stdout. The workspace&apos;s databases (&quot;resources&quot;) start first and stop at the end (one line each on stderr).</source>
        <translation>在本地运行器上调用函数（真实进程、Lambda Runtime API、冷启动和热启动）。带有 Lambda 的 START/END/REPORT 行的日志输出到 stderr；响应（或使用 --repeat 时的表格）输出到 stdout。工作区的数据库（“resources”）先启动，结束时停止（各在 stderr 上输出一行）。</translation>
    </message>
    <message>
        <source>The function&apos;s name.</source>
        <translation>函数名。</translation>
    </message>
    <message>
        <source>The event: a JSON file, - for standard input, or the name of a saved event (default: {}).</source>
        <translation>事件：JSON 文件、- 表示标准输入，或已保存事件的名称（默认：{}）。</translation>
    </message>
    <message>
        <source>Invoke N times (default 1).</source>
        <translation>调用 N 次（默认 1）。</translation>
    </message>
    <message>
        <source>At most C invocations at once (default 1).</source>
        <translation>最多同时进行 C 个调用（默认 1）。</translation>
    </message>
    <message>
        <source>Do not freeze (SIGSTOP) idle instances.</source>
        <translation>不冻结（SIGSTOP）空闲实例。</translation>
    </message>
    <message>
        <source>invoke needs exactly one function name.</source>
        <translation>invoke 需要且只需要一个函数名。</translation>
    </message>
    <message>
        <source>--repeat needs a whole number from 1 to 1000000.</source>
        <translation>--repeat 需要 1 到 1000000 之间的整数。</translation>
    </message>
    <message>
        <source>--concurrency needs a whole number from 1 to 1000.</source>
        <translation>--concurrency 需要 1 到 1000 之间的整数。</translation>
    </message>
    <message>
        <source>There is no function &quot;%1&quot; in %2; functions: %3.</source>
        <translation>%2 中没有函数“%1”；现有函数：%3。</translation>
    </message>
    <message>
        <source>swb: warning: %1</source>
        <translation>swb：警告：%1</translation>
    </message>
    <message>
        <source>swb: interrupted; every instance was shut down.</source>
        <translation>swb：已中断；所有实例均已关闭。</translation>
    </message>
    <message>
        <source>swb: %1 failed: %2 (%3).</source>
        <translation>swb：%1 失败：%2（%3）。</translation>
    </message>
    <message>
        <source>Send a bounded load to a function through the local runner and report cold starts, throttles and latency per second and in total. Requests beyond the concurrency cap are throttled, as on Lambda.</source>
        <translation>通过本地运行器向函数发送有限的负载，并按秒和总计报告冷启动、限流和延迟。超出并发上限的请求会被限流，与 Lambda 相同。</translation>
    </message>
    <message>
        <source>Requests per second.</source>
        <translation>每秒请求数。</translation>
    </message>
    <message>
        <source>Seconds to send for.</source>
        <translation>发送的秒数。</translation>
    </message>
    <message>
        <source>constant (default), poisson or burst (each second&apos;s requests at once).</source>
        <translation>constant（默认）、poisson 或 burst（每秒的请求一次性发出）。</translation>
    </message>
    <message>
        <source>The event: a JSON file (default: {}).</source>
        <translation>事件：JSON 文件（默认：{}）。</translation>
    </message>
    <message>
        <source>Seconds an idle instance is kept (default: the workspace&apos;s runner.keepAliveSeconds, else 600).</source>
        <translation>空闲实例的保活秒数（默认：工作区的 runner.keepAliveSeconds，否则为 600）。</translation>
    </message>
    <message>
        <source>Instances at most, unless the function reserves its own (default: the workspace&apos;s runner.concurrencyLimit, else 10).</source>
        <translation>实例数上限，除非函数预留了自己的并发（默认：工作区的 runner.concurrencyLimit，否则为 10）。</translation>
    </message>
    <message>
        <source>Seed for poisson (default 1).</source>
        <translation>poisson 的随机种子（默认 1）。</translation>
    </message>
    <message>
        <source>load needs exactly one function name.</source>
        <translation>load 需要且只需要一个函数名。</translation>
    </message>
    <message>
        <source>--rate needs requests per second, above 0 and at most 10000.</source>
        <translation>--rate 需要每秒请求数，大于 0 且最多 10000。</translation>
    </message>
    <message>
        <source>--duration needs seconds, above 0 and at most 3600.</source>
        <translation>--duration 需要秒数，大于 0 且最多 3600。</translation>
    </message>
    <message>
        <source>--pattern is constant, poisson or burst.</source>
        <translation>--pattern 应为 constant、poisson 或 burst。</translation>
    </message>
    <message>
        <source>--keep-alive needs seconds, 0 or more.</source>
        <translation>--keep-alive 需要秒数，0 或以上。</translation>
    </message>
    <message>
        <source>--concurrency-limit needs a number from 1 to 1000.</source>
        <translation>--concurrency-limit 需要 1 到 1000 之间的数。</translation>
    </message>
    <message>
        <source>SECOND</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>SENT</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>COLD</source>
        <translation>冷启动</translation>
    </message>
    <message>
        <source>THROTTLED</source>
        <translation>被限流</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>p50 ms / p99 ms</source>
        <translation>p50 ms / p99 ms</translation>
    </message>
    <message>
        <source>Check a workspace&apos;s workbench.json and the code it points at.</source>
        <translation>检查工作区的 workbench.json 及其指向的代码。</translation>
    </message>
    <message>
        <source>List a workspace&apos;s functions: runtime, handler, memory, triggers.</source>
        <translation>列出工作区的函数：运行时、处理程序、内存、触发器。</translation>
    </message>
    <message>
        <source>Add a function from a template, rename or delete one.</source>
        <translation>从模板添加函数，或重命名、删除函数。</translation>
    </message>
    <message>
        <source>Create a workspace from a SAM template.yaml or a serverless.yml.</source>
        <translation>从 SAM 的 template.yaml 或 serverless.yml 创建工作区。</translation>
    </message>
    <message>
        <source>List event templates or generate an event (API Gateway, S3, SQS, ...).</source>
        <translation>列出事件模板或生成事件（API Gateway、S3、SQS……）。</translation>
    </message>
    <message>
        <source>Run a function on the local runner; --repeat shows cold and warm starts.</source>
        <translation>在本地运行器上运行函数；--repeat 显示冷启动和热启动。</translation>
    </message>
    <message>
        <source>Serve the functions: HTTP gateway, Lambda Invoke API and SQS on one port.</source>
        <translation>提供函数服务：HTTP 网关、Lambda Invoke API 和 SQS 共用一个端口。</translation>
    </message>
    <message>
        <source>Send to, list or read the local SQS queues of a running swb serve.</source>
        <translation>向正在运行的 swb serve 的本地 SQS 队列发送消息、列出或读取队列。</translation>
    </message>
    <message>
        <source>Issue and verify the workspace&apos;s signed JWTs; print its JWKS.</source>
        <translation>签发和验证工作区签名的 JWT；输出其 JWKS。</translation>
    </message>
    <message>
        <source>Start, stop or show the workspace&apos;s databases (PostgreSQL, SQLite).</source>
        <translation>启动、停止或显示工作区的数据库（PostgreSQL、SQLite）。</translation>
    </message>
    <message>
        <source>Send a bounded load through the runner: cold starts against traffic.</source>
        <translation>通过运行器发送有限的负载：观察冷启动与流量的关系。</translation>
    </message>
    <message>
        <source>Counts, cold-start share and percentiles from the invocation history.</source>
        <translation>来自调用历史的次数、冷启动比例和百分位数。</translation>
    </message>
    <message>
        <source>Price a month on AWS, Azure, Google Cloud, OpenWhisk; compare, sweep, break-even.</source>
        <translation>计算在 AWS、Azure、Google Cloud、OpenWhisk 上一个月的费用；比较、扫描内存、盈亏平衡。</translation>
    </message>
    <message>
        <source>Simulate a function&apos;s instances over days: cold starts, throttles, usage.</source>
        <translation>模拟函数实例在数天内的情况：冷启动、限流、用量。</translation>
    </message>
    <message>
        <source>Deploy a function to AWS, Azure, Google Cloud, OpenWhisk or a local stage.</source>
        <translation>将函数部署到 AWS、Azure、Google Cloud、OpenWhisk 或本地阶段。</translation>
    </message>
    <message>
        <source>Show or follow a deployed function&apos;s logs from its platform.</source>
        <translation>显示或跟踪已部署函数在其平台上的日志。</translation>
    </message>
    <message>
        <source>Check which platform credentials are found and whether they work.</source>
        <translation>检查找到了哪些平台凭据，以及它们是否有效。</translation>
    </message>
    <message>
        <source>The commits that changed a function, with its deploy tags.</source>
        <translation>更改过函数的提交及其部署标签。</translation>
    </message>
    <message>
        <source>What changed in a function since a commit or since its last deploy.</source>
        <translation>函数自某次提交或上次部署以来的更改。</translation>
    </message>
    <message>
        <source>Deploy a function as it was at a commit, without touching your files.</source>
        <translation>按某次提交时的状态部署函数，不触碰您的文件。</translation>
    </message>
    <message>
        <source>Usage: swb COMMAND [ARGS...]
       swb COMMAND --help

Serverless Workbench: write, run, see, price and deploy serverless functions.

Commands:
</source>
        <translation>用法：swb COMMAND [ARGS...]
      swb COMMAND --help

Serverless Workbench：编写、运行、观察、估算费用并部署无服务器函数。

命令：
</translation>
    </message>
    <message>
        <source>
Options:
  -h, --help       Show this help.
  --version        Show the version.
  --language CODE  The language of messages and help: de, zh_CN or en (default: the system&apos;s, from LANGUAGE, LC_ALL, LC_MESSAGES or LANG).

Commands that work on a workspace take --workspace DIR (default: the current folder).
Exit codes: 0 success, 1 the operation failed, 2 bad usage.
</source>
        <translation>
选项：
  -h, --help       显示此帮助。
  --version        显示版本。
  --language CODE  消息和帮助的语言：de、zh_CN 或 en（默认：系统语言，取自 LANGUAGE、LC_ALL、LC_MESSAGES 或 LANG）。

处理工作区的命令接受 --workspace DIR（默认：当前文件夹）。
退出码：0 成功，1 操作失败，2 用法错误。
</translation>
    </message>
    <message>
        <source>swb: warning: no translation for language &quot;%1&quot;; using English.</source>
        <translation>swb：警告：没有语言“%1”的翻译；将使用英语。</translation>
    </message>
    <message>
        <source>--language needs a language code, e.g. de or zh_CN.</source>
        <translation>--language 需要一个语言代码，例如 de 或 zh_CN。</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <source>There are no successful invocations of %1 in the history of %2; run it first (swb invoke or swb load).</source>
        <translation>%2 的历史中没有 %1 的成功调用；请先运行它（swb invoke 或 swb load）。</translation>
    </message>
    <message>
        <source>Simulate a function&apos;s instance pool: arrivals, service and init times, keep-alive, a concurrency cap (throttles, no queue) and provisioned instances. Durations take a unit: 500ms, 30s, 10m, 2h, 1d, 1mo (30 days); a bare number is seconds.</source>
        <translation>模拟函数的实例池：到达、服务时间和初始化时间、保活、并发上限（限流，无队列）以及预置实例。时长需带单位：500ms、30s、10m、2h、1d、1mo（30 天）；不带单位的数字表示秒。</translation>
    </message>
    <message>
        <source>simulate takes no positional arguments.</source>
        <translation>simulate 不接受位置参数。</translation>
    </message>
    <message>
        <source>--%1 needs a duration such as 500ms, 30s, 10m, 2h, 1d or 1mo; got &quot;%2&quot;.</source>
        <translation>--%1 需要时长，例如 500ms、30s、10m、2h、1d 或 1mo；收到的是“%2”。</translation>
    </message>
    <message>
        <source>--%1 needs %2; got &quot;%3&quot;.</source>
        <translation>--%1 需要%2；收到的是“%3”。</translation>
    </message>
    <message>
        <source>a whole number, 0 or more</source>
        <translation>0 或以上的整数</translation>
    </message>
    <message>
        <source>a number of instances, 1 or more</source>
        <translation>1 或以上的实例数</translation>
    </message>
    <message>
        <source>a number from 0 to the cap</source>
        <translation>0 到上限之间的数</translation>
    </message>
    <message>
        <source>megabytes, 1 or more</source>
        <translation>1 或以上的 MB 数</translation>
    </message>
    <message>
        <source>one of %1 or none</source>
        <translation>%1 之一或 none</translation>
    </message>
    <message>
        <source>milliseconds, 0 or more</source>
        <translation>0 或以上的毫秒数</translation>
    </message>
    <message>
        <source>a number from 0 to 10</source>
        <translation>0 到 10 之间的数</translation>
    </message>
    <message>
        <source>fixed, exponential or lognormal</source>
        <translation>fixed、exponential 或 lognormal</translation>
    </message>
    <message>
        <source>--hybrid-range needs a duration of 1m or more, such as 4h; got &quot;%1&quot;.</source>
        <translation>--hybrid-range 需要 1m 或以上的时长，例如 4h；收到的是“%1”。</translation>
    </message>
    <message>
        <source>fixed, none or hybrid</source>
        <translation>fixed、none 或 hybrid</translation>
    </message>
    <message>
        <source>--rate and --trace do not go together: the trace sets the arrivals.</source>
        <translation>--rate 和 --trace 不能同时使用：跟踪数据决定到达。</translation>
    </message>
    <message>
        <source>--trace needs --function HASH: the HashFunction whose invocations to replay.</source>
        <translation>--trace 需要 --function HASH：要重放其调用的 HashFunction。</translation>
    </message>
    <message>
        <source>--rate needs invocations per second, above 0 (or give --trace).</source>
        <translation>--rate 需要每秒调用次数，大于 0（或指定 --trace）。</translation>
    </message>
    <message>
        <source>a number from 0 to 1</source>
        <translation>0 到 1 之间的数</translation>
    </message>
    <message>
        <source>poisson, periodic, bursty or diurnal</source>
        <translation>poisson、periodic、bursty 或 diurnal</translation>
    </message>
    <message>
        <source>swb simulate: %1% of %2 simulated</source>
        <translation>swb simulate：已模拟 %2 中的 %1%</translation>
    </message>
    <message>
        <source>swb: warning: cannot price the run: %1</source>
        <translation>swb：警告：无法计算此次运行的费用：%1</translation>
    </message>
    <message>
        <source>Simulated %1: %2 arrivals (%3), service %4, init %5</source>
        <translation>已模拟 %1：%2 次到达（%3），服务 %4，初始化 %5</translation>
    </message>
    <message>
        <source>Keep-alive: %1; cap %2, provisioned %3</source>
        <translation>保活：%1；上限 %2，预置 %3</translation>
    </message>
    <message>
        <source>  cold starts      %1 (%2 of served)</source>
        <translation>  冷启动           %1（占已服务的 %2）</translation>
    </message>
    <message>
        <source>  throttled        %1 (%2)</source>
        <translation>  被限流           %1（%2）</translation>
    </message>
    <message>
        <source>  pre-warm loads   %1</source>
        <translation>  预热加载         %1</translation>
    </message>
    <message>
        <source>  latency ms       p50 %1  p90 %2  p99 %3  p99.9 %4  max %5  mean %6
</source>
        <translation>  延迟 ms          p50 %1  p90 %2  p99 %3  p99.9 %4  最大 %5  平均 %6
</translation>
    </message>
    <message>
        <source>  instances        mean %1 (busy %2), max %3
</source>
        <translation>  实例             平均 %1（忙碌 %2），最大 %3
</translation>
    </message>
    <message>
        <source>  instance-hours   busy %1, idle %2 (init %3 of busy)
</source>
        <translation>  实例小时         忙碌 %1，空闲 %2（忙碌中初始化占 %3）
</translation>
    </message>
    <message>
        <source>  GB-seconds busy  %1 at %2 MB
</source>
        <translation>  GB 秒（忙碌）    %1，内存 %2 MB
</translation>
    </message>
    <message>
        <source>
Cost per 730-hour month (the run scaled by %1):
</source>
        <translation>
每月（730 小时）费用（此次运行按 %1 倍缩放）：
</translation>
    </message>
    <message>
        <source>(%1 s of wall time)
</source>
        <translation>（实际耗时 %1 秒）
</translation>
    </message>
    <message>
        <source>swb: warning: %1 Invocations are not recorded.</source>
        <translation>swb：警告：%1 调用不会被记录。</translation>
    </message>
    <message>
        <source>Show what the workspace&apos;s history (.swb/history.sqlite) says about its invocations: counts, cold-start share, errors, duration and init percentiles. swb invoke, serve and load record every invocation.</source>
        <translation>显示工作区历史（.swb/history.sqlite）中的调用统计：次数、冷启动比例、错误、执行时长和初始化的百分位数。swb invoke、serve 和 load 会记录每次调用。</translation>
    </message>
    <message>
        <source>One function (default: each function).</source>
        <translation>一个函数（默认：每个函数）。</translation>
    </message>
    <message>
        <source>Only invocations of the last N minutes.</source>
        <translation>只统计最近 N 分钟的调用。</translation>
    </message>
    <message>
        <source>--since needs a number of minutes above 0.</source>
        <translation>--since 需要大于 0 的分钟数。</translation>
    </message>
    <message>
        <source>FUNCTION</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>CALLS</source>
        <translation>调用</translation>
    </message>
    <message>
        <source>COLD %</source>
        <translation>冷启动 %</translation>
    </message>
    <message>
        <source>ERRORS</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>INIT p50</source>
        <translation>初始化 p50</translation>
    </message>
    <message>
        <source>(no invocations recorded yet)</source>
        <translation>（尚未记录任何调用）</translation>
    </message>
    <message>
        <source>The workspace has no function &quot;%1&quot;.</source>
        <translation>工作区中没有函数“%1”。</translation>
    </message>
    <message>
        <source>%1 is not a git repository, so it has no history; start one with: git init &amp;&amp; git add -A &amp;&amp; git commit -m &apos;First version&apos;.</source>
        <translation>%1 不是 git 仓库，因此没有历史；可以这样创建：git init &amp;&amp; git add -A &amp;&amp; git commit -m &apos;First version&apos;。</translation>
    </message>
    <message>
        <source>The commits of the workspace&apos;s git repository that changed a function&apos;s folder, newest first, with the deploy tags (deploy/PROVIDER/FUNCTION/N) that point at them.</source>
        <translation>工作区 git 仓库中更改过函数文件夹的提交，最新的在前，并附上指向它们的部署标签（deploy/PROVIDER/FUNCTION/N）。</translation>
    </message>
    <message>
        <source>At most N commits (50).</source>
        <translation>最多 N 个提交（50）。</translation>
    </message>
    <message>
        <source>history needs one function name.</source>
        <translation>history 需要一个函数名。</translation>
    </message>
    <message>
        <source>--limit needs a number of commits, 1 or more.</source>
        <translation>--limit 需要提交数，1 或以上。</translation>
    </message>
    <message>
        <source>No commit has changed %1 yet.</source>
        <translation>还没有提交更改过 %1。</translation>
    </message>
    <message>
        <source>What changed in a function&apos;s folder, as a unified diff against the working tree: since HEAD (default), since a commit (--since COMMIT), or since what was last deployed to a platform (--deployed PROVIDER, from .swb/deploys.json) — &quot;what is deployed&quot;.</source>
        <translation>函数文件夹中的更改，以相对工作树的统一差异格式显示：自 HEAD（默认）、自某次提交（--since COMMIT），或自上次部署到某平台（--deployed PROVIDER，取自 .swb/deploys.json）——即“部署了什么”。</translation>
    </message>
    <message>
        <source>A commit or tag.</source>
        <translation>提交或标签。</translation>
    </message>
    <message>
        <source>The provider whose last deploy to compare with.</source>
        <translation>要与其上次部署比较的云服务商。</translation>
    </message>
    <message>
        <source>diff needs one function name.</source>
        <translation>diff 需要一个函数名。</translation>
    </message>
    <message>
        <source>give --since or --deployed, not both.</source>
        <translation>请指定 --since 或 --deployed，不能同时指定。</translation>
    </message>
    <message>
        <source>%1 was never deployed to %2 from this workspace.</source>
        <translation>%1 从未从此工作区部署到 %2。</translation>
    </message>
    <message>
        <source>The last deploy of %1 to %2 was made outside git; there is no commit to compare.</source>
        <translation>%1 上次部署到 %2 是在 git 之外进行的；没有可比较的提交。</translation>
    </message>
    <message>
        <source>the %1 deploy of %2 (%3%4)</source>
        <translation>%2 的 %1 部署（%3%4）</translation>
    </message>
    <message>
        <source>, with uncommitted changes</source>
        <translation>，含未提交的更改</translation>
    </message>
    <message>
        <source>No changes in %1 since %2.</source>
        <translation>自 %2 以来 %1 没有更改。</translation>
    </message>
    <message>
        <source>validate takes one workspace folder.</source>
        <translation>validate 接受一个工作区文件夹。</translation>
    </message>
    <message numerus="yes">
        <source>%1 is a valid workspace: &quot;%2&quot; with %n function(s)</source>
        <translation>
            <numerusform>%1 是有效的工作区：“%2”，含 %n 个函数</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n warning(s))</source>
        <translation>
            <numerusform>（%n 个警告）</numerusform>
        </translation>
    </message>
    <message>
        <source>List the functions of a workspace.</source>
        <translation>列出工作区的函数。</translation>
    </message>
    <message>
        <source>functions takes one workspace folder.</source>
        <translation>functions 接受一个工作区文件夹。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>RUNTIME</source>
        <translation>运行时</translation>
    </message>
    <message>
        <source>HANDLER</source>
        <translation>处理程序</translation>
    </message>
    <message>
        <source>MEMORY</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>TIMEOUT</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>TRIGGERS</source>
        <translation>触发器</translation>
    </message>
    <message>
        <source>(no functions)</source>
        <translation>（没有函数）</translation>
    </message>
    <message>
        <source>The running `swb serve` (default http://127.0.0.1:3000, serve&apos;s default port).</source>
        <translation>正在运行的 `swb serve`（默认：http://127.0.0.1:3000，serve 的默认端口）。</translation>
    </message>
    <message>
        <source>the workspace names no queue &quot;%1&quot;; its queues: %2.</source>
        <translation>工作区中没有名为“%1”的队列；它的队列：%2。</translation>
    </message>
    <message>
        <source>Send a message to a local queue of a running `swb serve`; its queue trigger gets it in the next batch. Prints the message id and the body&apos;s MD5 as JSON.</source>
        <translation>向正在运行的 `swb serve` 的本地队列发送一条消息；其队列触发器会在下一批中收到它。以 JSON 输出消息 ID 和消息体的 MD5。</translation>
    </message>
    <message>
        <source>The queue&apos;s name.</source>
        <translation>队列的名称。</translation>
    </message>
    <message>
        <source>The message body.</source>
        <translation>消息体。</translation>
    </message>
    <message>
        <source>Read the message body from FILE.</source>
        <translation>从 FILE 读取消息体。</translation>
    </message>
    <message>
        <source>A String message attribute (repeatable).</source>
        <translation>一个 String 类型的消息属性（可重复）。</translation>
    </message>
    <message>
        <source>Seconds before the message is visible (0-900).</source>
        <translation>消息变为可见前的秒数（0–900）。</translation>
    </message>
    <message>
        <source>queue send takes one queue name.</source>
        <translation>queue send 接受一个队列名称。</translation>
    </message>
    <message>
        <source>give the message as --body TEXT or --file FILE.</source>
        <translation>请用 --body TEXT 或 --file FILE 给出消息。</translation>
    </message>
    <message>
        <source>--endpoint needs a URL such as http://127.0.0.1:3000.</source>
        <translation>--endpoint 需要一个 URL，例如 http://127.0.0.1:3000。</translation>
    </message>
    <message>
        <source>--delay needs a number of seconds from 0 to 900.</source>
        <translation>--delay 需要 0 到 900 之间的秒数。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>--attribute needs NAME=VALUE, not &quot;%1&quot;.</source>
        <translation>--attribute 需要 NAME=VALUE，而不是“%1”。</translation>
    </message>
    <message>
        <source>List the local queues of a running `swb serve` with their message counts.</source>
        <translation>列出正在运行的 `swb serve` 的本地队列及其消息数。</translation>
    </message>
    <message>
        <source>queue list takes no arguments.</source>
        <translation>queue list 不接受参数。</translation>
    </message>
    <message>
        <source>%1  %2 visible, %3 in flight  %4
</source>
        <translation>%1  %2 条可见，%3 条处理中  %4
</translation>
    </message>
    <message>
        <source>Receive messages from a local queue of a running `swb serve` (a dead-letter queue, say) and print them as JSON, as `aws sqs receive-message` does. They stay hidden for the queue&apos;s visibility timeout and come back unless --delete is given.</source>
        <translation>从正在运行的 `swb serve` 的本地队列（例如死信队列）接收消息，并像 `aws sqs receive-message` 一样以 JSON 输出。它们在队列的可见性超时内保持隐藏，之后会重新出现，除非给出 --delete。</translation>
    </message>
    <message>
        <source>At most N messages, 1 to 10 (default 10).</source>
        <translation>最多 N 条消息，1 到 10（默认 10）。</translation>
    </message>
    <message>
        <source>Delete the messages after printing them.</source>
        <translation>输出后删除这些消息。</translation>
    </message>
    <message>
        <source>queue receive takes one queue name.</source>
        <translation>queue receive 接受一个队列名称。</translation>
    </message>
    <message>
        <source>--max needs a number from 1 to 10.</source>
        <translation>--max 需要 1 到 10 之间的数。</translation>
    </message>
    <message>
        <source>Usage: swb queue send QUEUE (--body TEXT | --file FILE) [--attribute NAME=VALUE ...] [--delay S] [--endpoint URL] [--workspace DIR]
       swb queue list [--endpoint URL] [--json]
       swb queue receive QUEUE [--max N] [--delete] [--endpoint URL] [--workspace DIR]

The local SQS queues of a running `swb serve` (default endpoint http://127.0.0.1:3000): send messages to queue triggers, list the queues, read a dead-letter queue. The AWS CLI and SDKs work too: aws sqs send-message --endpoint-url http://127.0.0.1:3000 --queue-url URL --message-body TEXT.
</source>
        <translation>用法：swb queue send QUEUE (--body TEXT | --file FILE) [--attribute NAME=VALUE ...] [--delay S] [--endpoint URL] [--workspace DIR]
      swb queue list [--endpoint URL] [--json]
      swb queue receive QUEUE [--max N] [--delete] [--endpoint URL] [--workspace DIR]

正在运行的 `swb serve` 的本地 SQS 队列（默认端点 http://127.0.0.1:3000）：向队列触发器发送消息、列出队列、读取死信队列。AWS CLI 和各 SDK 同样可用：aws sqs send-message --endpoint-url http://127.0.0.1:3000 --queue-url URL --message-body TEXT。
</translation>
    </message>
    <message>
        <source>queue needs a subcommand: send, list or receive.</source>
        <translation>queue 需要一个子命令：send、list 或 receive。</translation>
    </message>
    <message>
        <source>unknown queue subcommand &quot;%1&quot;; use send, list or receive.</source>
        <translation>未知的 queue 子命令“%1”；请使用 send、list 或 receive。</translation>
    </message>
    <message>
        <source>%1 is not a resource of %2; swb resources status lists them.</source>
        <translation>%1 不是 %2 的资源；swb resources status 会列出它们。</translation>
    </message>
    <message>
        <source>%1 is an SQLite file: %2
Open it with sqlite3 (apt-get install sqlite3).</source>
        <translation>%1 是一个 SQLite 文件：%2
请用 sqlite3 打开它（apt-get install sqlite3）。</translation>
    </message>
    <message>
        <source>No PostgreSQL connection for %1 (is PostgreSQL installed?).</source>
        <translation>%1 没有 PostgreSQL 连接（是否已安装 PostgreSQL？）。</translation>
    </message>
    <message>
        <source>Could not start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>Stopped (%1) while the databases were starting.</source>
        <translation>数据库启动期间已停止（%1）。</translation>
    </message>
    <message>
        <source>The workspace&apos;s databases (&quot;resources&quot; in workbench.json). start: start them and keep them running until Ctrl-C, printing the variables functions get (passwords hidden). stop: stop servers a crashed or other workbench left running. status: each one&apos;s type and state (running, orphaned, stopped, or file for SQLite). psql NAME [-- PSQL-ARGS]: psql connected to NAME (sqlite3 for an SQLite one), started if need be or shared with the workbench running it; the password stays out of the command line. swb serve and swb invoke start them by themselves.</source>
        <translation>工作区的数据库（workbench.json 中的“resources”）。start：启动它们并保持运行直到按下 Ctrl-C，输出函数获得的变量（密码隐藏）。stop：停止崩溃的或其他 Workbench 遗留运行的服务器。status：每个数据库的类型和状态（running、orphaned、stopped，SQLite 则为 file）。psql NAME [-- PSQL-ARGS]：连接到 NAME 的 psql（SQLite 则为 sqlite3），必要时先启动，或与正在运行它的 Workbench 共享；密码不会出现在命令行中。swb serve 和 swb invoke 会自行启动它们。</translation>
    </message>
    <message>
        <source>start, stop, status or psql NAME.</source>
        <translation>start、stop、status 或 psql NAME。</translation>
    </message>
    <message>
        <source>resources psql needs the resource&apos;s name.</source>
        <translation>resources psql 需要资源的名称。</translation>
    </message>
    <message>
        <source>resources needs one action: start, stop or status.</source>
        <translation>resources 需要一个操作：start、stop 或 status。</translation>
    </message>
    <message>
        <source> (started by process %1)</source>
        <translation>（由进程 %1 启动）</translation>
    </message>
    <message>
        <source>No resources in %1.</source>
        <translation>%1 中没有资源。</translation>
    </message>
    <message>
        <source>%1: stopped PostgreSQL (pid %2)
</source>
        <translation>%1：已停止 PostgreSQL（pid %2）
</translation>
    </message>
    <message>
        <source>Running; Ctrl-C stops them.</source>
        <translation>正在运行；按 Ctrl-C 停止。</translation>
    </message>
    <message>
        <source>swb: the databases were stopped.</source>
        <translation>swb：数据库已停止。</translation>
    </message>
    <message>
        <source>Serve the workspace&apos;s functions on one port: the HTTP gateway for their http triggers (API Gateway HTTP API payload 2.0 or REST 1.0), the Lambda Invoke API (POST /2015-03-31/functions/NAME/invocations), and SQS for the queues the workspace names (queue triggers get their messages in batches; async invocations go to their destinations), so the AWS CLI and SDKs work with --endpoint-url. The first line printed is &quot;listening on http://HOST:PORT&quot;. The workspace&apos;s databases (&quot;resources&quot;) start first, one line each on stderr, and their connections reach the functions as NAME_URL and PG* variables. Ctrl-C stops every instance and database.</source>
        <translation>在一个端口上提供工作区的函数：为其 http 触发器提供 HTTP 网关（API Gateway HTTP API 负载 2.0 或 REST 1.0）、Lambda Invoke API（POST /2015-03-31/functions/NAME/invocations），以及工作区所列队列的 SQS（队列触发器分批获得消息；异步调用发往其目标），因此 AWS CLI 和各 SDK 可配合 --endpoint-url 使用。输出的第一行是“listening on http://HOST:PORT”。工作区的数据库（“resources”）先启动，每个在 stderr 上输出一行，其连接以 NAME_URL 和 PG* 变量传给函数。Ctrl-C 会停止所有实例和数据库。</translation>
    </message>
    <message>
        <source>Address to bind (default 127.0.0.1).</source>
        <translation>要绑定的地址（默认 127.0.0.1）。</translation>
    </message>
    <message>
        <source>Port (default 3000; 0 picks a free one).</source>
        <translation>端口（默认 3000；0 表示自动选择空闲端口）。</translation>
    </message>
    <message>
        <source>Require this value in the x-api-key header.</source>
        <translation>要求 x-api-key 请求头中带有此值。</translation>
    </message>
    <message>
        <source>Serve what `swb deploy --provider local --target NAME` staged (a frozen copy in .swb/stages/NAME) instead of the workspace&apos;s own code.</source>
        <translation>提供 `swb deploy --provider local --target NAME` 暂存的内容（.swb/stages/NAME 中的冻结副本），而不是工作区自身的代码。</translation>
    </message>
    <message>
        <source>Milliseconds before each retry of a failed async (Event) invocation, comma-separated (default Lambda&apos;s 60000,120000; &quot;none&quot; for no retries).</source>
        <translation>每次重试失败的异步（Event）调用前等待的毫秒数，以逗号分隔（默认同 Lambda：60000,120000；“none”表示不重试）。</translation>
    </message>
    <message>
        <source>serve takes no arguments; use --workspace DIR.</source>
        <translation>serve 不接受参数；请使用 --workspace DIR。</translation>
    </message>
    <message>
        <source>--port needs a number from 0 to 65535.</source>
        <translation>--port 需要 0 到 65535 之间的数。</translation>
    </message>
    <message>
        <source>--keep-alive needs a number of seconds, 0 or more.</source>
        <translation>--keep-alive 需要秒数，0 或以上。</translation>
    </message>
    <message>
        <source>--async-retry-delays needs milliseconds such as 60000,120000 (or none).</source>
        <translation>--async-retry-delays 需要毫秒数，例如 60000,120000（或 none）。</translation>
    </message>
    <message>
        <source>--host needs an IP address such as 127.0.0.1.</source>
        <translation>--host 需要一个 IP 地址，例如 127.0.0.1。</translation>
    </message>
    <message>
        <source>swb: warning: serving on %1 makes your functions reachable from other machines.</source>
        <translation>swb：警告：在 %1 上提供服务会使你的函数可从其他机器访问。</translation>
    </message>
    <message>
        <source>swb: warning: serving on %1 makes your functions reachable from other machines; consider --api-key.</source>
        <translation>swb：警告：在 %1 上提供服务会使你的函数可从其他机器访问；请考虑使用 --api-key。</translation>
    </message>
    <message>
        <source>Nothing is staged in &quot;%1&quot; (%2 has no workbench.json); stage a function first: swb deploy FUNCTION --provider local --target %1.</source>
        <translation>“%1”中没有暂存任何内容（%2 中没有 workbench.json）；请先暂存一个函数：swb deploy FUNCTION --provider local --target %1。</translation>
    </message>
    <message>
        <source>schedule %1 fired %2 (RequestId: %3)
</source>
        <translation>计划 %1 触发了 %2（RequestId：%3）
</translation>
    </message>
    <message>
        <source>  schedule %1</source>
        <translation>  计划 %1</translation>
    </message>
    <message>
        <source>  POST / (SQS API: AWS JSON 1.0 and query protocols)</source>
        <translation>  POST /（SQS API：AWS JSON 1.0 和 query 协议）</translation>
    </message>
    <message>
        <source>  queue %1</source>
        <translation>  队列 %1</translation>
    </message>
    <message>
        <source>queue %1 -&gt; %2: batch of %3, throttled; retried later (RequestId: %4)</source>
        <translation>队列 %1 -&gt; %2：%3 条的批次，被限流；稍后重试（RequestId：%4）</translation>
    </message>
    <message>
        <source>queue %1 -&gt; %2: batch of %3, %4 failed; redelivered after the visibility timeout (RequestId: %5)</source>
        <translation>队列 %1 -&gt; %2：%3 条的批次，%4 条失败；在可见性超时后重新投递（RequestId：%5）</translation>
    </message>
    <message>
        <source>queue %1 -&gt; %2: batch of %3 (RequestId: %4)</source>
        <translation>队列 %1 -&gt; %2：%3 条的批次（RequestId：%4）</translation>
    </message>
    <message>
        <source>queue %1: message %2 moved to dead-letter queue %3 after %4 receives</source>
        <translation>队列 %1：消息 %2 在接收 %4 次后被移入死信队列 %3</translation>
    </message>
    <message>
        <source>swb: warning: destination %1</source>
        <translation>swb：警告：目标 %1</translation>
    </message>
    <message>
        <source>  POST /2015-03-31/functions/{%1}/invocations (Lambda Invoke API)
</source>
        <translation>  POST /2015-03-31/functions/{%1}/invocations（Lambda Invoke API）
</translation>
    </message>
    <message>
        <source>swb: stopped (%1); every instance and database was shut down.</source>
        <translation>swb：已停止（%1）；所有实例和数据库均已关闭。</translation>
    </message>
    <message>
        <source>swb: stopped (%1); every instance was shut down.</source>
        <translation>swb：已停止（%1）；所有实例均已关闭。</translation>
    </message>
    <message>
        <source>Created the workspace&apos;s token signing key in %1 (private; keep the .swb folder out of version control).</source>
        <translation>已在 %1 创建工作区的令牌签名密钥（私密；请勿将 .swb 文件夹纳入版本控制）。</translation>
    </message>
    <message>
        <source>token issue needs --user NAME (the token&apos;s subject).</source>
        <translation>token issue 需要 --user NAME（令牌的主体）。</translation>
    </message>
    <message>
        <source>--claim needs NAME=VALUE, not &quot;%1&quot;.</source>
        <translation>--claim 需要 NAME=VALUE，而不是“%1”。</translation>
    </message>
    <message>
        <source>--claim %1 is given twice.</source>
        <translation>--claim %1 给出了两次。</translation>
    </message>
    <message>
        <source>token verify needs a TOKEN (or - to read it from stdin).</source>
        <translation>token verify 需要一个 TOKEN（或用 - 从 stdin 读取）。</translation>
    </message>
    <message>
        <source>token verify takes one TOKEN.</source>
        <translation>token verify 只接受一个 TOKEN。</translation>
    </message>
    <message>
        <source>The token was refused (%1): %2</source>
        <translation>令牌被拒绝（%1）：%2</translation>
    </message>
    <message>
        <source>The workspace&apos;s token service: RS256 JWTs signed with a key pair kept in .swb/tokens/ (made on first use; the private key is never printed).
  issue --user NAME [--scope S ...] [--claim NAME=VALUE ...] [--ttl 1h]
                 prints a signed token (iss, sub, aud, iat, nbf, exp, jti, scope)
  jwks           prints the public keys (what swb serve publishes at /.well-known/jwks.json)
  verify TOKEN   checks a token (- or nothing: read from stdin) against the workspace&apos;s keys, issuer and audience; prints its header, claims and scopes, or why it was refused (exit 1)
Issuer, audience and the default lifetime come from workbench.json&apos;s &quot;tokenService&quot; (see docs/auth.md).</source>
        <translation>工作区的令牌服务：用保存在 .swb/tokens/ 中的密钥对签名的 RS256 JWT（首次使用时生成；私钥从不输出）。
  issue --user NAME [--scope S ...] [--claim NAME=VALUE ...] [--ttl 1h]
                 输出一个已签名的令牌（iss、sub、aud、iat、nbf、exp、jti、scope）
  jwks           输出公钥（即 swb serve 在 /.well-known/jwks.json 发布的内容）
  verify TOKEN   用工作区的密钥、签发者和受众检查令牌（- 或不给：从 stdin 读取）；输出其头部、声明和作用域，或被拒绝的原因（退出码 1）
签发者、受众和默认有效期来自 workbench.json 的“tokenService”（见 docs/auth.md）。</translation>
    </message>
    <message>
        <source>issue, jwks or verify</source>
        <translation>issue、jwks 或 verify</translation>
    </message>
    <message>
        <source>For issue: the subject (&quot;sub&quot;).</source>
        <translation>用于 issue：主体（“sub”）。</translation>
    </message>
    <message>
        <source>For issue: a scope; repeat for more.</source>
        <translation>用于 issue：一个作用域；可重复给出多个。</translation>
    </message>
    <message>
        <source>For issue: an extra claim; VALUE is JSON when it parses (42, true, [&quot;a&quot;]), else text. Repeat for more.</source>
        <translation>用于 issue：一个额外的声明；VALUE 能解析为 JSON 时按 JSON（42、true、[&quot;a&quot;]），否则按文本。可重复给出多个。</translation>
    </message>
    <message>
        <source>For issue: the lifetime, such as 30s, 15m, 1h or 7d (default: the workspace&apos;s, else 1h).</source>
        <translation>用于 issue：有效期，例如 30s、15m、1h 或 7d（默认：工作区的设置，否则 1h）。</translation>
    </message>
    <message>
        <source>token issue takes no arguments, only options.</source>
        <translation>token issue 不接受参数，只接受选项。</translation>
    </message>
    <message>
        <source>token jwks takes no arguments.</source>
        <translation>token jwks 不接受参数。</translation>
    </message>
    <message>
        <source>token needs an action: issue, jwks or verify.</source>
        <translation>token 需要一个操作：issue、jwks 或 verify。</translation>
    </message>
</context>
<context>
    <name>swb::CodeEditor</name>
    <message>
        <source>Code editor</source>
        <translation>代码编辑器</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <source>%1 looks like a binary file (it contains NUL bytes); it cannot be edited as text.</source>
        <translation>%1 看起来是二进制文件（含有 NUL 字节），不能作为文本编辑。</translation>
    </message>
    <message>
        <source>This buffer has no file name; save it as.</source>
        <translation>此缓冲区没有文件名，请另存为。</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2; the file on disk is unchanged.</source>
        <translation>无法写入 %1：%2；磁盘上的文件未改变。</translation>
    </message>
</context>
<context>
    <name>swb::CommitDialog</name>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>renamed</source>
        <translation>已重命名</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>&amp;Commit</source>
        <translation>提交(&amp;C)</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Files to commit</source>
        <translation>要提交的文件</translation>
    </message>
    <message>
        <source>Commit message</source>
        <translation>提交信息</translation>
    </message>
    <message>
        <source>What changed, and why</source>
        <translation>改了什么，以及为什么</translation>
    </message>
    <message>
        <source>Author name</source>
        <translation>作者姓名</translation>
    </message>
    <message>
        <source>Author email</source>
        <translation>作者邮箱</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>作者：</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>邮箱：</translation>
    </message>
    <message>
        <source>Changed files (the ticked ones are committed):</source>
        <translation>已更改的文件（勾选的将被提交）：</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>信息：</translation>
    </message>
    <message>
        <source>Nothing to commit: no file changed since the last commit.</source>
        <translation>没有可提交的内容：自上次提交以来没有文件发生更改。</translation>
    </message>
</context>
<context>
    <name>swb::CostPanel</name>
    <message>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Cold-start init</source>
        <translation>冷启动初始化</translation>
    </message>
    <message>
        <source>Free tier credit</source>
        <translation>免费额度抵扣</translation>
    </message>
    <message>
        <source>Provisioned</source>
        <translation>预置</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <source>API Gateway</source>
        <translation>API Gateway</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>&amp;Add scenario</source>
        <translation>添加场景(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>复制(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Add scenario</source>
        <translation>添加场景</translation>
    </message>
    <message>
        <source>Add a scenario priced on AWS; edit its cells to shape it.</source>
        <translation>添加一个按 AWS 计价的场景；编辑其单元格来调整它。</translation>
    </message>
    <message>
        <source>Duplicate scenario</source>
        <translation>复制场景</translation>
    </message>
    <message>
        <source>Copy the selected scenario to compare a variation of it.</source>
        <translation>复制所选场景，以比较它的一个变体。</translation>
    </message>
    <message>
        <source>Remove scenario</source>
        <translation>删除场景</translation>
    </message>
    <message>
        <source>Remove the selected scenario.</source>
        <translation>删除所选场景。</translation>
    </message>
    <message>
        <source>Cost status</source>
        <translation>成本状态</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>One row per scenario; edit a cell and every total and chart is recomputed.</source>
        <translation>每个场景一行；编辑一个单元格，所有合计和图表都会重新计算。</translation>
    </message>
    <message>
        <source>Breakdown chart</source>
        <translation>费用构成图</translation>
    </message>
    <message>
        <source>A stacked bar per scenario: requests, compute, init, free tier credit and the other lines of its monthly bill.</source>
        <translation>每个场景一根堆叠柱：请求、计算、初始化、免费额度抵扣以及月账单中的其他各项。</translation>
    </message>
    <message>
        <source>Breakdown table</source>
        <translation>费用构成表</translation>
    </message>
    <message>
        <source>The breakdown chart&apos;s numbers: one column per scenario, one row per line kind.</source>
        <translation>费用构成图的数字：每个场景一列，每类费用一行。</translation>
    </message>
    <message>
        <source>Cost against volume chart</source>
        <translation>成本与调用量图</translation>
    </message>
    <message>
        <source>The selected scenario&apos;s monthly cost against invocations per month, with the always-on servers&apos; monthly cost and the break-even volume.</source>
        <translation>所选场景的月成本随每月调用次数的变化，以及常驻服务器的月成本和盈亏平衡点调用量。</translation>
    </message>
    <message>
        <source>Always-on server</source>
        <translation>常驻服务器</translation>
    </message>
    <message>
        <source>The server the break-even compares with.</source>
        <translation>盈亏平衡点所比较的服务器。</translation>
    </message>
    <message>
        <source>Number of servers</source>
        <translation>服务器数量</translation>
    </message>
    <message>
        <source>How many always-on servers the function replaces.</source>
        <translation>该函数替代多少台常驻服务器。</translation>
    </message>
    <message>
        <source>× </source>
        <translation>× </translation>
    </message>
    <message>
        <source>Break-even</source>
        <translation>盈亏平衡点</translation>
    </message>
    <message>
        <source>Memory sweep chart</source>
        <translation>内存扫描图</translation>
    </message>
    <message>
        <source>The selected scenario&apos;s monthly cost and duration at each memory size, the cheapest marked.</source>
        <translation>所选场景在各内存大小下的月成本和执行时长，并标出最便宜的一个。</translation>
    </message>
    <message>
        <source>CPU-bound share</source>
        <translation>CPU 密集占比</translation>
    </message>
    <message>
        <source>The share of the duration that speeds up with more CPU (the rest waits on I/O).</source>
        <translation>执行时长中随 CPU 增加而加快的部分（其余时间在等待 I/O）。</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>The CPUs the code keeps busy: single-threaded code gains nothing beyond one vCPU.</source>
        <translation>代码能占满的 CPU 数：单线程代码在一个 vCPU 以上不再获益。</translation>
    </message>
    <message>
        <source>Memory sweep notes</source>
        <translation>内存扫描说明</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;CPU-bound share:</source>
        <translation>CPU 密集占比(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>线程(&amp;T)：</translation>
    </message>
    <message>
        <source>The price list could not be loaded, so nothing is priced: %1</source>
        <translation>无法加载价格表，因此没有任何计价：%1</translation>
    </message>
    <message>
        <source>Same cloud, smallest</source>
        <translation>同一云服务商，最小规格</translation>
    </message>
    <message>
        <source>Monthly bill by scenario</source>
        <translation>各场景的月账单</translation>
    </message>
    <message>
        <source>%1 (error)</source>
        <translation>%1（错误）</translation>
    </message>
    <message>
        <source>USD per month</source>
        <translation>美元/月</translation>
    </message>
    <message>
        <source>Total / month</source>
        <translation>合计/月</translation>
    </message>
    <message>
        <source>Per million</source>
        <translation>每百万次</translation>
    </message>
    <message>
        <source>Cost against volume</source>
        <translation>成本与调用量</translation>
    </message>
    <message>
        <source>The selected scenario has no price: %1</source>
        <translation>所选场景没有价格：%1</translation>
    </message>
    <message>
        <source>Select a priced scenario.</source>
        <translation>请选择一个已计价的场景。</translation>
    </message>
    <message>
        <source>%1: cost against invocations per month</source>
        <translation>%1：成本与每月调用次数</translation>
    </message>
    <message>
        <source>Function (%1)</source>
        <translation>函数（%1）</translation>
    </message>
    <message>
        <source>%1 always on</source>
        <translation>%1 常驻</translation>
    </message>
    <message>
        <source>%1 × %2 always on</source>
        <translation>%1 × %2 常驻</translation>
    </message>
    <message>
        <source>break-even</source>
        <translation>盈亏平衡点</translation>
    </message>
    <message>
        <source>Break-even: %1 invocations a month (%2 a second) cost what %3 costs: %4 a month.</source>
        <translation>盈亏平衡点：每月 %1 次调用（每秒 %2 次）的费用与 %3 相同：每月 %4。</translation>
    </message>
    <message>
        <source>The function stays cheaper than %1 (%2 a month) up to %3 invocations a month.</source>
        <translation>在每月 %3 次调用以内，该函数都比 %1（每月 %2）便宜。</translation>
    </message>
    <message>
        <source>No always-on server is priced.</source>
        <translation>没有可计价的常驻服务器。</translation>
    </message>
    <message>
        <source>No break-even: %1</source>
        <translation>无盈亏平衡点：%1</translation>
    </message>
    <message>
        <source>Invocations per month</source>
        <translation>每月调用次数</translation>
    </message>
    <message>
        <source>Memory sweep</source>
        <translation>内存扫描</translation>
    </message>
    <message>
        <source>%1: cost and duration against memory</source>
        <translation>%1：成本和执行时长与内存</translation>
    </message>
    <message>
        <source>No memory size prices for this scenario.</source>
        <translation>此场景没有任何内存大小的价格。</translation>
    </message>
    <message>
        <source>No sweep: %1</source>
        <translation>无扫描：%1</translation>
    </message>
    <message>
        <source>Cost per month</source>
        <translation>每月成本</translation>
    </message>
    <message>
        <source>Duration (ms)</source>
        <translation>执行时长（毫秒）</translation>
    </message>
    <message>
        <source>Cheapest</source>
        <translation>最便宜</translation>
    </message>
    <message>
        <source>cheapest: %1 MB</source>
        <translation>最便宜：%1 MB</translation>
    </message>
    <message>
        <source>Memory (MB)</source>
        <translation>内存（MB）</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>执行时长</translation>
    </message>
    <message>
        <source>Cheapest: %1 MB at %2 a month (%3 ms).</source>
        <translation>最便宜：%1 MB，每月 %2（%3 毫秒）。</translation>
    </message>
</context>
<context>
    <name>swb::CredentialsDialog</name>
    <message>
        <source>Credentials for %1</source>
        <translation>%1 的凭据</translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Choose %1</source>
        <translation>选择 %1</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>The local stage needs no credentials.</source>
        <translation>本地阶段不需要凭据。</translation>
    </message>
</context>
<context>
    <name>swb::DeployPanel</name>
    <message>
        <source>AWS Lambda</source>
        <translation>AWS Lambda</translation>
    </message>
    <message>
        <source>Azure Functions</source>
        <translation>Azure Functions</translation>
    </message>
    <message>
        <source>Google Cloud Functions</source>
        <translation>Google Cloud Functions</translation>
    </message>
    <message>
        <source>Apache OpenWhisk</source>
        <translation>Apache OpenWhisk</translation>
    </message>
    <message>
        <source>local stage</source>
        <translation>本地阶段</translation>
    </message>
    <message>
        <source>&amp;Deploy</source>
        <translation>部署(&amp;D)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Credentials…</source>
        <translation>凭据…</translation>
    </message>
    <message>
        <source>Follow its logs after deploying</source>
        <translation>部署后跟踪其日志</translation>
    </message>
    <message>
        <source>Function to deploy</source>
        <translation>要部署的函数</translation>
    </message>
    <message>
        <source>Deploy target</source>
        <translation>部署目标</translation>
    </message>
    <message>
        <source>Deploy the function</source>
        <translation>部署该函数</translation>
    </message>
    <message>
        <source>Cancel the deploy</source>
        <translation>取消部署</translation>
    </message>
    <message>
        <source>Set up the target&apos;s credentials</source>
        <translation>设置目标的凭据</translation>
    </message>
    <message>
        <source>How this target reaches its platform: keys, host, region. Secrets go to your keychain, never to workbench.json.</source>
        <translation>此目标如何连接其平台：密钥、主机、区域。机密信息保存在您的钥匙串中，绝不写入 workbench.json。</translation>
    </message>
    <message>
        <source>Deploy steps</source>
        <translation>部署步骤</translation>
    </message>
    <message>
        <source>Deploy result</source>
        <translation>部署结果</translation>
    </message>
    <message>
        <source>Deploy history</source>
        <translation>部署历史</translation>
    </message>
    <message>
        <source>Uncommitted changes</source>
        <translation>未提交的更改</translation>
    </message>
    <message>
        <source>Package the function&apos;s folder</source>
        <translation>打包函数的文件夹</translation>
    </message>
    <message>
        <source>Upload the package</source>
        <translation>上传程序包</translation>
    </message>
    <message>
        <source>Update the function&apos;s configuration</source>
        <translation>更新函数的配置</translation>
    </message>
    <message>
        <source>Wait until it is ready</source>
        <translation>等待其就绪</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>&amp;Function:</source>
        <translation>函数(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>目标(&amp;T)：</translation>
    </message>
    <message>
        <source>Deploy history of this function:</source>
        <translation>此函数的部署历史：</translation>
    </message>
    <message>
        <source>Deploy the function to a platform, or to a local stage that swb serve --stage serves.</source>
        <translation>将函数部署到平台，或部署到由 swb serve --stage 提供服务的本地阶段。</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot;</source>
        <translation>%1 “%2”</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Deploying to %1 is not built yet.</source>
        <translation>尚未实现部署到 %1。</translation>
    </message>
    <message>
        <source>Uncommitted changes (%1): the deploy will be marked dirty in its record.</source>
        <translation>有未提交的更改（%1）：此次部署将在其记录中标记为 dirty。</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>无需执行</translation>
    </message>
    <message>
        <source>No platform can be reached from here (no provider factory).</source>
        <translation>无法从这里访问任何平台（没有提供商工厂）。</translation>
    </message>
    <message>
        <source>Deploying %1 to %2…</source>
        <translation>正在将 %1 部署到 %2…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Deployed %1 to %2: version %3%4.</source>
        <translation>已将 %1 部署到 %2：版本 %3%4。</translation>
    </message>
    <message>
        <source> (code unchanged, upload skipped)</source>
        <translation>（代码未变，已跳过上传）</translation>
    </message>
    <message>
        <source>URL: %1</source>
        <translation>URL：%1</translation>
    </message>
    <message>
        <source>Id: %1</source>
        <translation>ID：%1</translation>
    </message>
    <message>
        <source>Commit: none (%1).</source>
        <translation>提交：无（%1）。</translation>
    </message>
    <message>
        <source>Commit: %1%2.</source>
        <translation>提交：%1%2。</translation>
    </message>
    <message>
        <source> + uncommitted changes (marked dirty)</source>
        <translation> + 未提交的更改（已标记为 dirty）</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>未记录：%1</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>已取消：%1</translation>
    </message>
    <message>
        <source>The deploy failed: %1</source>
        <translation>部署失败：%1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source> (dirty)</source>
        <translation>（dirty）</translation>
    </message>
    <message>
        <source>Rolling %1 on %2 back to %3…</source>
        <translation>正在将 %2 上的 %1 回滚到 %3…</translation>
    </message>
    <message>
        <source>What Is Deployed</source>
        <translation>已部署的内容</translation>
    </message>
    <message>
        <source>Compare what is deployed with your files</source>
        <translation>将已部署的内容与您的文件比较</translation>
    </message>
    <message>
        <source>Shows how your files differ from the commit last deployed to this target&apos;s platform.</source>
        <translation>显示您的文件与最近一次部署到该目标平台的提交有何不同。</translation>
    </message>
    <message>
        <source>Nothing deployed to this target&apos;s platform from a commit yet.</source>
        <translation>尚未从任何提交部署到该目标平台。</translation>
    </message>
    <message>
        <source>Shows how your files differ from commit %1, last deployed to this target&apos;s platform.</source>
        <translation>显示您的文件与提交 %1（最近一次部署到该目标平台）有何不同。</translation>
    </message>
    <message>
        <source>Uncommitted Changes</source>
        <translation>未提交的更改</translation>
    </message>
    <message>
        <source>The workspace has uncommitted changes (%1). Commit them first, so the deploy is tied to a commit and tagged, or deploy them marked dirty?</source>
        <translation>工作区有未提交的更改（%1）。先提交，使部署关联到一个提交并打上标签；还是以“dirty”标记直接部署？</translation>
    </message>
    <message>
        <source>&amp;Commit First…</source>
        <translation>先提交(&amp;C)…</translation>
    </message>
    <message>
        <source>Deploy &amp;Dirty</source>
        <translation>以 dirty 部署(&amp;D)</translation>
    </message>
    <message>
        <source>Deploy cancelled: commit or deploy the changes marked dirty.</source>
        <translation>部署已取消：请提交更改，或以 dirty 标记部署。</translation>
    </message>
    <message>
        <source>Deploy cancelled: nothing was committed.</source>
        <translation>部署已取消：没有提交任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) changed since the last commit</source>
        <translation>
            <numerusform>自上次提交以来有 %n 个文件已更改</numerusform>
        </translation>
    </message>
    <message>
        <source>Deploy cancelled: %1</source>
        <translation>部署已取消：%1</translation>
    </message>
</context>
<context>
    <name>swb::DiffDialog</name>
    <message>
        <source>Compare with Commit</source>
        <translation>与提交比较</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>比较对象</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Compare &amp;with:</source>
        <translation>比较对象(&amp;W)：</translation>
    </message>
    <message>
        <source>HEAD (%1)</source>
        <translation>HEAD（%1）</translation>
    </message>
    <message>
        <source>HEAD (no commit yet)</source>
        <translation>HEAD（尚无提交）</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 (not in %2)</source>
        <translation>%1（不在 %2 中）</translation>
    </message>
    <message>
        <source>working copy</source>
        <translation>工作副本</translation>
    </message>
</context>
<context>
    <name>swb::DiffView</name>
    <message>
        <source>Unified diff</source>
        <translation>统一格式差异</translation>
    </message>
    <message>
        <source>Old version</source>
        <translation>旧版本</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>新版本</translation>
    </message>
    <message>
        <source>&amp;Unified</source>
        <translation>统一格式(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Side by Side</source>
        <translation>并排(&amp;S)</translation>
    </message>
    <message>
        <source>Previous Change</source>
        <translation>上一处更改</translation>
    </message>
    <message>
        <source>Previous change (Shift+F7)</source>
        <translation>上一处更改（Shift+F7）</translation>
    </message>
    <message>
        <source>Next Change</source>
        <translation>下一处更改</translation>
    </message>
    <message>
        <source>Next change (F7)</source>
        <translation>下一处更改（F7）</translation>
    </message>
    <message>
        <source>No differences</source>
        <translation>没有差异</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s): +%1 −%2</source>
        <translation>
            <numerusform>%n 处更改：+%1 −%2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Binary file: the versions differ but cannot be shown as text.</source>
        <translation>二进制文件：两个版本不同，但无法以文本显示。</translation>
    </message>
    <message>
        <source>Binary</source>
        <translation>二进制</translation>
    </message>
</context>
<context>
    <name>swb::EditorTabs</name>
    <message>
        <source>File notice</source>
        <translation>文件提示</translation>
    </message>
    <message>
        <source>File notice text</source>
        <translation>文件提示文本</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Reload from disk</source>
        <translation>从磁盘重新加载</translation>
    </message>
    <message>
        <source>Replace the buffer with the file on disk</source>
        <translation>用磁盘上的文件替换缓冲区</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Keep my changes</source>
        <translation>保留我的更改</translation>
    </message>
    <message>
        <source>Keep the buffer; saving overwrites the file</source>
        <translation>保留缓冲区；保存时会覆盖该文件</translation>
    </message>
    <message>
        <source>Dismiss notice</source>
        <translation>关闭提示</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>编辑器</translation>
    </message>
    <message>
        <source>Open files</source>
        <translation>打开的文件</translation>
    </message>
    <message>
        <source>Open file tabs</source>
        <translation>打开的文件标签页</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>&amp;Replace…</source>
        <translation>替换(&amp;R)…</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>&amp;Go to Line…</source>
        <translation>转到行(&amp;G)…</translation>
    </message>
    <message>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>Save A&amp;ll</source>
        <translation>全部保存(&amp;L)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Ctrl+W</source>
        <translation>Ctrl+W</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>F3</source>
        <translation>F3</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>查找上一个(&amp;P)</translation>
    </message>
    <message>
        <source>Shift+F3</source>
        <translation>Shift+F3</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to %1 before closing?</source>
        <translation>关闭前保存对 %1 的更改吗？</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation>%1（已删除）</translation>
    </message>
    <message>
        <source>There is no file to save.</source>
        <translation>没有可保存的文件。</translation>
    </message>
    <message>
        <source>%1 was deleted on disk. The buffer is kept; saving writes it again.</source>
        <translation>%1 已在磁盘上被删除。缓冲区仍保留；保存会重新写入该文件。</translation>
    </message>
    <message>
        <source>%1 changed on disk, and this buffer has unsaved changes.</source>
        <translation>%1 已在磁盘上被修改，而此缓冲区有未保存的更改。</translation>
    </message>
    <message>
        <source>%1 no longer exists on disk; this buffer was recovered. Save it to write the file again.</source>
        <translation>%1 在磁盘上已不存在；此缓冲区是恢复出来的。保存它即可重新写入该文件。</translation>
    </message>
</context>
<context>
    <name>swb::EventEditor</name>
    <message>
        <source>Event payload</source>
        <translation>事件负载</translation>
    </message>
    <message>
        <source>Event payload JSON</source>
        <translation>事件负载 JSON</translation>
    </message>
    <message>
        <source>Payload validation</source>
        <translation>负载校验</translation>
    </message>
    <message>
        <source>The payload is empty; enter a JSON value such as {}.</source>
        <translation>负载为空；请输入一个 JSON 值，例如 {}。</translation>
    </message>
    <message>
        <source>more than one value</source>
        <translation>多于一个值</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>第 %1 行，第 %2 列：%3</translation>
    </message>
    <message>
        <source>Valid JSON</source>
        <translation>有效的 JSON</translation>
    </message>
</context>
<context>
    <name>swb::FindBar</name>
    <message>
        <source>Find and replace</source>
        <translation>查找和替换</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>Find text</source>
        <translation>查找文本</translation>
    </message>
    <message>
        <source>Text or regular expression</source>
        <translation>文本或正则表达式</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>查找上一个</translation>
    </message>
    <message>
        <source>Find the previous match (Shift+F3)</source>
        <translation>查找上一个匹配项（Shift+F3）</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>查找下一个</translation>
    </message>
    <message>
        <source>Find the next match (F3, Enter)</source>
        <translation>查找下一个匹配项（F3、Enter）</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>正则</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>Treat the text as an ECMAScript regular expression; use \1 in the replacement for a captured group</source>
        <translation>将文本视为 ECMAScript 正则表达式；在替换文本中用 \1 表示捕获组</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>Whole word</source>
        <translation>全字匹配</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>关闭查找栏</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Replace:</source>
        <translation>替换：</translation>
    </message>
    <message>
        <source>Replacement text</source>
        <translation>替换文本</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <source>Find status</source>
        <translation>查找状态</translation>
    </message>
    <message>
        <source>Invalid regular expression: %1</source>
        <translation>无效的正则表达式：%1</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <source>No more matches</source>
        <translation>没有更多匹配</translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>已替换 %n 处</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>swb::GatewayPanel</name>
    <message>
        <source>&amp;Start</source>
        <translation>启动(&amp;S)</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>复制 URL</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>任意空闲端口</translation>
    </message>
    <message>
        <source>Gateway port</source>
        <translation>网关端口</translation>
    </message>
    <message>
        <source>The port on 127.0.0.1 (0: any free one). swb serve uses 3000 too: stop one of them or pick another port.</source>
        <translation>127.0.0.1 上的端口（0：任意空闲端口）。swb serve 也使用 3000：请停止其中一个，或另选端口。</translation>
    </message>
    <message>
        <source>Start or stop the gateway</source>
        <translation>启动或停止网关</translation>
    </message>
    <message>
        <source>Gateway address</source>
        <translation>网关地址</translation>
    </message>
    <message>
        <source>Copy the gateway&apos;s address</source>
        <translation>复制网关地址</translation>
    </message>
    <message>
        <source>Gateway problem</source>
        <translation>网关问题</translation>
    </message>
    <message>
        <source>Routes served</source>
        <translation>提供的路由</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>Requests served</source>
        <translation>已处理的请求</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>Routes:</source>
        <translation>路由：</translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation>请求：</translation>
    </message>
    <message>
        <source>Open a workspace first: the gateway serves its functions.</source>
        <translation>请先打开一个工作区：网关提供的是它的函数。</translation>
    </message>
    <message>
        <source>schedule %1</source>
        <translation>计划 %1</translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>队列 %1</translation>
    </message>
    <message>
        <source>POST /2015-03-31/functions/{%1}/invocations (Lambda Invoke API)</source>
        <translation>POST /2015-03-31/functions/{%1}/invocations（Lambda Invoke API）</translation>
    </message>
    <message>
        <source>POST / (SQS API)</source>
        <translation>POST /（SQS API）</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Serving on %1</source>
        <translation>正在 %1 上提供服务</translation>
    </message>
    <message>
        <source>Not serving.</source>
        <translation>未提供服务。</translation>
    </message>
    <message>
        <source>No workspace open.</source>
        <translation>未打开工作区。</translation>
    </message>
    <message>
        <source>&amp;Token…</source>
        <translation>令牌(&amp;T)…</translation>
    </message>
    <message>
        <source>Issue a token</source>
        <translation>签发令牌</translation>
    </message>
    <message>
        <source>Issue a token from the workspace&apos;s token service for routes a JWT authorizer guards, and copy it (as swb token issue).</source>
        <translation>从工作区的令牌服务为受 JWT 授权方保护的路由签发令牌并复制它（同 swb token issue）。</translation>
    </message>
    <message>
        <source>Token issued</source>
        <translation>已签发的令牌</translation>
    </message>
    <message>
        <source>Issue a Token</source>
        <translation>签发令牌</translation>
    </message>
    <message>
        <source>Token subject</source>
        <translation>令牌主体</translation>
    </message>
    <message>
        <source>Token scopes</source>
        <translation>令牌作用域</translation>
    </message>
    <message>
        <source>orders:read orders:write</source>
        <translation>orders:read orders:write</translation>
    </message>
    <message>
        <source>&amp;User (sub):</source>
        <translation>用户（sub）(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Scopes:</source>
        <translation>作用域(&amp;S)：</translation>
    </message>
    <message>
        <source>Open a workspace first: tokens come from its token service.</source>
        <translation>请先打开一个工作区：令牌来自它的令牌服务。</translation>
    </message>
    <message>
        <source>A token needs a user (its &quot;sub&quot; claim).</source>
        <translation>令牌需要一个用户（其“sub”声明）。</translation>
    </message>
    <message>
        <source>A token for %1 (%2) is on the clipboard: send it as &quot;Authorization: Bearer TOKEN&quot;.%3</source>
        <translation>%1 的令牌（%2）已在剪贴板上：请以“Authorization: Bearer TOKEN”发送。%3</translation>
    </message>
    <message>
        <source>no scopes</source>
        <translation>无作用域</translation>
    </message>
    <message>
        <source> The workspace&apos;s signing key was made in %1 (private: keep the .swb folder out of version control).</source>
        <translation> 工作区的签名密钥已在 %1 创建（私密：请勿将 .swb 文件夹纳入版本控制）。</translation>
    </message>
</context>
<context>
    <name>swb::GoToLineBar</name>
    <message>
        <source>Go to line</source>
        <translation>转到行</translation>
    </message>
    <message>
        <source>Go to line:</source>
        <translation>转到行：</translation>
    </message>
    <message>
        <source>Line number</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Line count</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>转到</translation>
    </message>
    <message>
        <source>Close go to line</source>
        <translation>关闭转到行</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>共 %1 行</translation>
    </message>
</context>
<context>
    <name>swb::HistoryDialog</name>
    <message>
        <source>&amp;Deploy This Version</source>
        <translation>部署此版本(&amp;D)</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>%1 的历史</translation>
    </message>
    <message>
        <source>Commits</source>
        <translation>提交记录</translation>
    </message>
    <message>
        <source>What the commit changed</source>
        <translation>该提交更改的内容</translation>
    </message>
    <message>
        <source>Deploy the function as it was at this commit</source>
        <translation>按此提交时的状态部署该函数</translation>
    </message>
    <message>
        <source>Deploys this commit&apos;s version to the Deploy panel&apos;s target; your files stay as they are.</source>
        <translation>将此提交的版本部署到“部署”面板所选的目标；您的文件保持不变。</translation>
    </message>
    <message>
        <source>No commit has changed this function yet.</source>
        <translation>还没有提交更改过此函数。</translation>
    </message>
    <message>
        <source>History of Workspace</source>
        <translation>工作区历史</translation>
    </message>
    <message>
        <source>The workspace has no commit yet.</source>
        <translation>工作区尚无提交。</translation>
    </message>
</context>
<context>
    <name>swb::LogView</name>
    <message>
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>All functions</source>
        <translation>所有函数</translation>
    </message>
    <message>
        <source>Function filter</source>
        <translation>函数筛选</translation>
    </message>
    <message>
        <source>Filter by text or request id</source>
        <translation>按文本或请求 ID 筛选</translation>
    </message>
    <message>
        <source>Log filter</source>
        <translation>日志筛选</translation>
    </message>
    <message>
        <source>Keep the newest line in view</source>
        <translation>保持最新一行可见</translation>
    </message>
    <message>
        <source>Stop adding lines to the view; they are kept and shown on resume</source>
        <translation>停止向视图添加日志行；它们会被保留，并在继续时显示</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Clear logs</source>
        <translation>清除日志</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy selected log lines</source>
        <translation>复制所选日志行</translation>
    </message>
    <message>
        <source>Log lines</source>
        <translation>日志行</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source> shown of %1</source>
        <translation>，共 %1 行中显示</translation>
    </message>
    <message>
        <source>; %1 older lines dropped (the panel keeps %2)</source>
        <translation>；已丢弃 %1 行较早的日志（面板保留 %2 行）</translation>
    </message>
    <message numerus="yes">
        <source>; paused, %n new line(s) waiting</source>
        <translation>
            <numerusform>；已暂停，%n 行新日志等待中</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>swb::MainWindow</name>
    <message>
        <source>Workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Simulate</source>
        <translation>模拟</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Serverless Workbench</source>
        <translation>Serverless Workbench</translation>
    </message>
    <message>
        <source>Runner status</source>
        <translation>运行器状态</translation>
    </message>
    <message>
        <source>Opened your copy of the example in %1.</source>
        <translation>已在 %1 中打开您的示例副本。</translation>
    </message>
    <message>
        <source>Saved the deploy target “%1” in workbench.json; its secrets are in your keychain.</source>
        <translation>已将部署目标“%1”保存到 workbench.json；其机密信息保存在您的钥匙串中。</translation>
    </message>
    <message>
        <source>Restore unsaved changes</source>
        <translation>恢复未保存的更改</translation>
    </message>
    <message numerus="yes">
        <source>The workbench stopped with %n unsaved buffer(s) in this workspace. Restore them? (No discards them.)</source>
        <translation>
            <numerusform>Workbench 上次停止时，此工作区中有 %n 个未保存的缓冲区。要恢复它们吗？（选“否”将丢弃它们。）</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>打开工作区(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import SAM Template or serverless.yml…</source>
        <translation>导入 SAM 模板或 serverless.yml(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Close Workspace</source>
        <translation>关闭工作区(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Invoke</source>
        <translation>调用(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Retire Instances (next run is cold)</source>
        <translation>停用实例(&amp;R)（下次运行为冷启动）</translation>
    </message>
    <message>
        <source>&amp;Deploy</source>
        <translation>部署(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Serverless Workbench</source>
        <translation>关于 Serverless Workbench(&amp;A)</translation>
    </message>
    <message>
        <source>About Serverless Workbench</source>
        <translation>关于 Serverless Workbench</translation>
    </message>
    <message>
        <source>&lt;b&gt;Serverless Workbench %1&lt;/b&gt;&lt;p&gt;Write, run, see, price and deploy serverless functions. Everything here is also in the &lt;code&gt;swb&lt;/code&gt; command line.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Serverless Workbench %1&lt;/b&gt;&lt;p&gt;编写、运行、观察、估价并部署无服务器函数。这里的一切也都可以在 &lt;code&gt;swb&lt;/code&gt; 命令行中完成。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Open a workspace folder (with workbench.json)</source>
        <translation>打开一个工作区文件夹（含 workbench.json）</translation>
    </message>
    <message>
        <source>The current workspace has unsaved changes you chose to keep; save or discard them first.</source>
        <translation>当前工作区有您选择保留的未保存更改；请先保存或丢弃它们。</translation>
    </message>
    <message>
        <source>%1 Invocations are not recorded.</source>
        <translation>%1 调用不会被记录。</translation>
    </message>
    <message>
        <source>%1 — Serverless Workbench</source>
        <translation>%1 — Serverless Workbench</translation>
    </message>
    <message numerus="yes">
        <source>Opened with %n warning(s): %1</source>
        <translation>
            <numerusform>已打开，有 %n 条警告：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>A deploy is running: cancel it in the Deploy panel first.</source>
        <translation>正在进行部署：请先在“部署”面板中取消它。</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n unsaved buffer(s); save them to keep them.</source>
        <translation>
            <numerusform>已恢复 %n 个未保存的缓冲区；请保存以保留它们。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 saved: the instances of “%2” retire; its next invocation starts cold.</source>
        <translation>%1 已保存：“%2”的实例将被停用；它的下一次调用将是冷启动。</translation>
    </message>
    <message>
        <source>Open a workspace first.</source>
        <translation>请先打开一个工作区。</translation>
    </message>
    <message>
        <source>%1 already exists; import into another folder, or open that workspace.</source>
        <translation>%1 已存在；请导入到另一个文件夹，或打开该工作区。</translation>
    </message>
    <message numerus="yes">
        <source>Imported with %n thing(s) not taken over, the first: %1</source>
        <translation>
            <numerusform>已导入，有 %n 项未能转换，第一项：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Import a SAM template or a serverless.yml</source>
        <translation>导入 SAM 模板或 serverless.yml</translation>
    </message>
    <message>
        <source>Templates (*.yaml *.yml *.json);;All files (*)</source>
        <translation>模板 (*.yaml *.yml *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Folder for the new workspace (workbench.json goes here)</source>
        <translation>新工作区的文件夹（workbench.json 将放在这里）</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>New Function</source>
        <translation>新建函数</translation>
    </message>
    <message>
        <source>Function name</source>
        <translation>函数名</translation>
    </message>
    <message>
        <source>letters, digits, - and _</source>
        <translation>字母、数字、- 和 _</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>运行时</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Creates a folder with a handler that answers GET /NAME, an http trigger and a saved event.</source>
        <translation>创建一个文件夹，其中含有响应 GET /NAME 的处理程序、一个 HTTP 触发器和一个已保存的事件。</translation>
    </message>
    <message>
        <source>Rename Function</source>
        <translation>重命名函数</translation>
    </message>
    <message>
        <source>New name for “%1”:</source>
        <translation>“%1”的新名称：</translation>
    </message>
    <message>
        <source>Delete Function</source>
        <translation>删除函数</translation>
    </message>
    <message>
        <source>Remove “%1” from the workspace?</source>
        <translation>要从工作区中移除“%1”吗？</translation>
    </message>
    <message>
        <source>Also delete its code folder and saved events</source>
        <translation>同时删除其代码文件夹和已保存的事件</translation>
    </message>
    <message>
        <source>last: %1 %2</source>
        <translation>上次：%1 %2</translation>
    </message>
    <message>
        <source>last: %1 throttled</source>
        <translation>上次：%1 被限流</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>未打开工作区</translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s), %1 busy</source>
        <translation>
            <numerusform>%n 个实例，%1 个忙碌</numerusform>
        </translation>
    </message>
    <message>
        <source>Added .swb/ to the workspace&apos;s .gitignore.</source>
        <translation>已将 .swb/ 添加到工作区的 .gitignore 中。</translation>
    </message>
    <message>
        <source>&amp;Git</source>
        <translation>Git(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Initialize Repository</source>
        <translation>初始化仓库(&amp;I)</translation>
    </message>
    <message>
        <source>%1 is now a git repository; commit with Git ▸ Commit.</source>
        <translation>%1 现在是一个 git 仓库；请用“Git ▸ 提交”来提交。</translation>
    </message>
    <message>
        <source>&amp;Commit…</source>
        <translation>提交(&amp;C)…</translation>
    </message>
    <message>
        <source>Committed %1.</source>
        <translation>已提交 %1。</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>The language changes at the next start.</source>
        <translation>语言将在下次启动时切换。</translation>
    </message>
    <message>
        <source>&amp;History of Function…</source>
        <translation>函数历史(&amp;H)…</translation>
    </message>
    <message>
        <source>History of &amp;Workspace…</source>
        <translation>工作区历史(&amp;W)…</translation>
    </message>
    <message>
        <source>Compare &amp;with Commit…</source>
        <translation>与提交比较(&amp;W)…</translation>
    </message>
    <message>
        <source>Open a file in the editor to compare it.</source>
        <translation>请先在编辑器中打开要比较的文件。</translation>
    </message>
    <message>
        <source>%1 is outside the workspace&apos;s repository.</source>
        <translation>%1 不在工作区的仓库中。</translation>
    </message>
    <message>
        <source>%1 is not a function of this workspace.</source>
        <translation>%1 不是此工作区的函数。</translation>
    </message>
    <message>
        <source>Save the open files first: what is deployed is compared with the files on disk.</source>
        <translation>请先保存已打开的文件：已部署的内容将与磁盘上的文件进行比较。</translation>
    </message>
    <message>
        <source>%1&apos;s files are as deployed to %2 (commit %3).</source>
        <translation>%1 的文件与部署到 %2 的版本一致（提交 %3）。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) of %1 differ from what is deployed to %2 (commit %3).</source>
        <translation>
            <numerusform>%1 有 %n 个文件与部署到 %2 的版本不同（提交 %3）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Deployed to %1: %2</source>
        <translation>已部署到 %1：%2</translation>
    </message>
    <message>
        <source>What Is Deployed: %1</source>
        <translation>已部署的内容：%1</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>网关</translation>
    </message>
    <message>
        <source>Start HTTP &amp;Gateway</source>
        <translation>启动 HTTP 网关(&amp;G)</translation>
    </message>
    <message>
        <source>Stop HTTP &amp;Gateway</source>
        <translation>停止 HTTP 网关(&amp;G)</translation>
    </message>
    <message>
        <source>The gateway serves the workspace on %1.</source>
        <translation>网关正在 %1 上提供工作区。</translation>
    </message>
    <message>
        <source>The gateway stopped.</source>
        <translation>网关已停止。</translation>
    </message>
</context>
<context>
    <name>swb::MetricsPanel</name>
    <message>
        <source>Cold</source>
        <translation>冷启动</translation>
    </message>
    <message>
        <source>Warm</source>
        <translation>热启动</translation>
    </message>
    <message>
        <source>Init</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>Function shown in the metrics</source>
        <translation>指标中显示的函数</translation>
    </message>
    <message>
        <source>Metrics summary</source>
        <translation>指标摘要</translation>
    </message>
    <message>
        <source>Duration (ms), cold and warm</source>
        <translation>执行时长（毫秒），冷启动与热启动</translation>
    </message>
    <message>
        <source>Init duration of cold starts (ms)</source>
        <translation>冷启动的初始化时长（毫秒）</translation>
    </message>
    <message>
        <source>Cold-start share, per second</source>
        <translation>每秒冷启动占比</translation>
    </message>
    <message>
        <source>cold / all</source>
        <translation>冷启动 / 全部</translation>
    </message>
    <message>
        <source>Concurrency: most at once, per second</source>
        <translation>并发：每秒最大同时数</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>Duration histogram, cold and warm</source>
        <translation>执行时长直方图，冷启动与热启动</translation>
    </message>
    <message>
        <source>Cold-start share over time</source>
        <translation>冷启动占比随时间变化</translation>
    </message>
    <message>
        <source>Init duration distribution</source>
        <translation>初始化时长分布</translation>
    </message>
    <message>
        <source>Concurrency over time</source>
        <translation>并发随时间变化</translation>
    </message>
    <message>
        <source>All functions</source>
        <translation>所有函数</translation>
    </message>
    <message>
        <source>No invocations yet: invoke, or start a load test.</source>
        <translation>还没有调用：请调用函数，或开始负载测试。</translation>
    </message>
    <message>
        <source>%1 invocations: %2 cold, %3 warm</source>
        <translation>%1 次调用：%2 次冷启动，%3 次热启动</translation>
    </message>
</context>
<context>
    <name>swb::RunPanel</name>
    <message>
        <source>Invoke</source>
        <translation>调用</translation>
    </message>
    <message>
        <source>Start load</source>
        <translation>开始压测</translation>
    </message>
    <message>
        <source>Function to invoke</source>
        <translation>要调用的函数</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Event payload (JSON)</source>
        <translation>事件负载（JSON）</translation>
    </message>
    <message>
        <source>Payload error</source>
        <translation>负载错误</translation>
    </message>
    <message>
        <source>Invoke the function</source>
        <translation>调用该函数</translation>
    </message>
    <message>
        <source>Invoke (Ctrl+Return)</source>
        <translation>调用（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Invocation summary</source>
        <translation>调用摘要</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>Invocation logs</source>
        <translation>调用日志</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <source>Poisson</source>
        <translation>泊松</translation>
    </message>
    <message>
        <source>Bursts</source>
        <translation>突发</translation>
    </message>
    <message>
        <source>Load pattern</source>
        <translation>负载模式</translation>
    </message>
    <message>
        <source> /s</source>
        <translation> /秒</translation>
    </message>
    <message>
        <source>Requests per second</source>
        <translation>每秒请求数</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Load duration</source>
        <translation>压测时长</translation>
    </message>
    <message>
        <source>keep-alive </source>
        <translation>保活 </translation>
    </message>
    <message>
        <source>Keep-alive of idle instances, in seconds</source>
        <translation>空闲实例的保活时间，以秒计</translation>
    </message>
    <message>
        <source>How long an idle instance stays warm (the runner&apos;s keep-alive)</source>
        <translation>空闲实例保持热状态的时间（运行器的保活设置）</translation>
    </message>
    <message>
        <source>limit </source>
        <translation>上限 </translation>
    </message>
    <message>
        <source>Concurrency limit</source>
        <translation>并发上限</translation>
    </message>
    <message>
        <source>Instances per function at most (unless it reserves its own); beyond it, throttled</source>
        <translation>每个函数最多的实例数（除非它预留了自己的并发）；超出即被限流</translation>
    </message>
    <message>
        <source>Start or stop the load test</source>
        <translation>开始或停止负载测试</translation>
    </message>
    <message>
        <source>Load test status</source>
        <translation>负载测试状态</translation>
    </message>
    <message>
        <source>Load test</source>
        <translation>负载测试</translation>
    </message>
    <message>
        <source>for</source>
        <translation>持续</translation>
    </message>
    <message>
        <source>Empty event {}</source>
        <translation>空事件 {}</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <source>Template: %1</source>
        <translation>模板：%1</translation>
    </message>
    <message>
        <source>Cannot read the saved event %1: %2.</source>
        <translation>无法读取已保存的事件 %1：%2。</translation>
    </message>
    <message>
        <source>Invoking %1…</source>
        <translation>正在调用 %1…</translation>
    </message>
    <message>
        <source>%1 · %2 · duration %3 ms · billed %4 ms · memory %5/%6 MB</source>
        <translation>%1 · %2 · 时长 %3 毫秒 · 计费 %4 毫秒 · 内存 %5/%6 MB</translation>
    </message>
    <message>
        <source>cold start, init %1 ms</source>
        <translation>冷启动，初始化 %1 毫秒</translation>
    </message>
    <message>
        <source>warm</source>
        <translation>热启动</translation>
    </message>
    <message>
        <source>Failed (%1) · </source>
        <translation>失败（%1）· </translation>
    </message>
    <message>
        <source>Open a workspace and pick a function to load.</source>
        <translation>请打开一个工作区并选择要压测的函数。</translation>
    </message>
    <message>
        <source>Fix the event first: %1</source>
        <translation>请先修正事件：%1</translation>
    </message>
    <message>
        <source>Stop load</source>
        <translation>停止压测</translation>
    </message>
    <message>
        <source>sent %1 · done %2 · cold %3 · throttled %4 · failed %5</source>
        <translation>已发送 %1 · 已完成 %2 · 冷启动 %3 · 被限流 %4 · 失败 %5</translation>
    </message>
    <message>
        <source> · duration p50 %1 ms, p99 %2 ms</source>
        <translation> · 时长 p50 %1 毫秒，p99 %2 毫秒</translation>
    </message>
    <message>
        <source> · running</source>
        <translation> · 运行中</translation>
    </message>
</context>
<context>
    <name>swb::ScenarioItemDelegate</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>实测</translation>
    </message>
</context>
<context>
    <name>swb::ScenarioTableModel</name>
    <message>
        <source>scenario</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>云服务商</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Memory (MB)</source>
        <translation>内存（MB）</translation>
    </message>
    <message>
        <source>Invocations / month</source>
        <translation>调用次数/月</translation>
    </message>
    <message>
        <source>Duration (ms)</source>
        <translation>执行时长（毫秒）</translation>
    </message>
    <message>
        <source>Cold-start share</source>
        <translation>冷启动占比</translation>
    </message>
    <message>
        <source>Init (ms)</source>
        <translation>初始化（毫秒）</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>网关</translation>
    </message>
    <message>
        <source>Kept warm</source>
        <translation>保持预热</translation>
    </message>
    <message>
        <source>Free tier</source>
        <translation>免费额度</translation>
    </message>
    <message>
        <source>Total / month</source>
        <translation>合计/月</translation>
    </message>
    <message>
        <source>Per million</source>
        <translation>每百万次</translation>
    </message>
    <message>
        <source>default (%1)</source>
        <translation>默认（%1）</translation>
    </message>
    <message>
        <source>measured: %1</source>
        <translation>实测：%1</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 × %2 h, %3% of invocations</source>
        <translation>%1 × %2 小时，%3% 的调用</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Milliseconds per invocation; leave empty (or type &quot;measured&quot;) to use the durations the runner measured for the scenario&apos;s function.</source>
        <translation>每次调用的毫秒数；留空（或输入 &quot;measured&quot;）则使用运行器为该场景的函数测得的时长。</translation>
    </message>
    <message>
        <source>Share of invocations that start cold, 0 to 1 (or 5%); leave empty to use the measured share.</source>
        <translation>冷启动调用的占比，0 到 1（或 5%）；留空则使用实测占比。</translation>
    </message>
    <message>
        <source>Init duration of a cold start in ms; leave empty to use the measured mean.</source>
        <translation>冷启动的初始化时长（毫秒）；留空则使用实测平均值。</translation>
    </message>
    <message>
        <source>Memory in MB, %1 to %2; each provider prices its own range.</source>
        <translation>内存（MB），%1 到 %2；各云服务商按各自的范围计价。</translation>
    </message>
    <message>
        <source>Invocations per month: 5000000, 5M or 5e6.</source>
        <translation>每月调用次数：5000000、5M 或 5e6。</translation>
    </message>
    <message>
        <source>Azure: consumption or flex; Google Cloud: gen2 or gen1; OpenWhisk: ibm or self-hosted (which needs clusterMonthlyCost in workbench.json).</source>
        <translation>Azure：consumption 或 flex；Google Cloud：gen2 或 gen1；OpenWhisk：ibm 或 self-hosted（需要在 workbench.json 中设置 clusterMonthlyCost）。</translation>
    </message>
    <message>
        <source>AWS only: the API Gateway in front of the function, priced per request: none, http (HTTP API) or rest (REST API).</source>
        <translation>仅限 AWS：函数前面的 API Gateway，按请求计价：none、http（HTTP API）或 rest（REST API）。</translation>
    </message>
    <message>
        <source>Instances kept warm and paid for while idle (AWS provisioned concurrency, Azure Flex always ready): &quot;2&quot; for two all month (730 h) serving every invocation, or &quot;2 200h 60%&quot; for 200 hours a month serving 60% of them; empty or 0 for none.</source>
        <translation>保持预热、空闲时也要付费的实例（AWS 预置并发、Azure Flex 始终就绪）：&quot;2&quot; 表示两个实例整月（730 小时）处理所有调用，&quot;2 200h 60%&quot; 表示每月 200 小时处理其中 60% 的调用；留空或 0 表示没有。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not allowed; %2</source>
        <translation>不允许“%1”；%2</translation>
    </message>
    <message>
        <source>a scenario needs a name.</source>
        <translation>场景需要一个名称。</translation>
    </message>
    <message>
        <source>another scenario has that name; names must be unique.</source>
        <translation>另一个场景已使用该名称；名称必须唯一。</translation>
    </message>
    <message>
        <source>choose one of the workspace&apos;s functions (%1) or none.</source>
        <translation>请选择工作区中的一个函数（%1）或 none。</translation>
    </message>
    <message>
        <source>choose one of: %1.</source>
        <translation>请从以下选项中选择：%1。</translation>
    </message>
    <message>
        <source>%1 has no plans to choose from.</source>
        <translation>%1 没有可选的方案。</translation>
    </message>
    <message>
        <source>%1 offers: %2.</source>
        <translation>%1 提供：%2。</translation>
    </message>
    <message>
        <source>%1 prices these regions: %2.</source>
        <translation>%1 为以下区域计价：%2。</translation>
    </message>
    <message>
        <source>choose x86_64 or arm64.</source>
        <translation>请选择 x86_64 或 arm64。</translation>
    </message>
    <message>
        <source>type whole megabytes from %1 to %2.</source>
        <translation>请输入 %1 到 %2 之间的整数兆字节。</translation>
    </message>
    <message>
        <source>type invocations per month from 0 to 10^12 (5000000, 5M or 5e6).</source>
        <translation>请输入 0 到 10^12 之间的每月调用次数（5000000、5M 或 5e6）。</translation>
    </message>
    <message>
        <source>type milliseconds above 0 and up to %1, or leave it empty to use the measured durations.</source>
        <translation>请输入大于 0 且不超过 %1 的毫秒数，或留空以使用实测时长。</translation>
    </message>
    <message>
        <source>type a share from 0 to 1 (0.05 or 5%), or leave it empty to use the measured share.</source>
        <translation>请输入 0 到 1 之间的占比（0.05 或 5%），或留空以使用实测占比。</translation>
    </message>
    <message>
        <source>type milliseconds from 0 to %1, or leave it empty to use the measured mean.</source>
        <translation>请输入 0 到 %1 之间的毫秒数，或留空以使用实测平均值。</translation>
    </message>
    <message>
        <source>only AWS scenarios price a gateway per request.</source>
        <translation>只有 AWS 场景按请求为网关计价。</translation>
    </message>
    <message>
        <source>choose none, http (HTTP API) or rest (REST API).</source>
        <translation>请选择 none、http（HTTP API）或 rest（REST API）。</translation>
    </message>
    <message>
        <source>%1 has no kept-warm instances to price here (Azure: choose the flex plan first).</source>
        <translation>%1 在此没有可计价的预热实例（Azure：请先选择 flex 方案）。</translation>
    </message>
    <message>
        <source>type the instances, then optionally hours a month and the share of invocations they serve: &quot;2&quot; or &quot;2 200h 60%&quot;.</source>
        <translation>请输入实例数，然后可选地输入每月小时数及其处理的调用占比：&quot;2&quot; 或 &quot;2 200h 60%&quot;。</translation>
    </message>
    <message>
        <source>hours a month go from 0 to 744 (a 31-day month).</source>
        <translation>每月小时数为 0 到 744（31 天的月份）。</translation>
    </message>
    <message>
        <source>the share of invocations goes from 0% to 100%.</source>
        <translation>调用占比为 0% 到 100%。</translation>
    </message>
    <message>
        <source>this column is computed and cannot be edited.</source>
        <translation>此列是计算得出的，不能编辑。</translation>
    </message>
    <message>
        <source>Scenario &quot;%1&quot;, %2: %3</source>
        <translation>场景“%1”，%2：%3</translation>
    </message>
    <message>
        <source>the scenario names no function</source>
        <translation>该场景未指定函数</translation>
    </message>
    <message>
        <source>no run history is open</source>
        <translation>未打开运行历史</translation>
    </message>
    <message>
        <source>No price list is loaded.</source>
        <translation>未加载价格表。</translation>
    </message>
    <message>
        <source>No duration: type one, or choose a function whose runs were measured.</source>
        <translation>没有执行时长：请输入一个，或选择一个已有实测运行的函数。</translation>
    </message>
    <message>
        <source>No measured duration for &quot;%1&quot;: %2</source>
        <translation>“%1”没有实测时长：%2</translation>
    </message>
</context>
<context>
    <name>swb::SimulatePanel</name>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Run the simulation</source>
        <translation>运行模拟</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the simulation</source>
        <translation>取消模拟</translation>
    </message>
    <message>
        <source>%p%</source>
        <translation>%p%</translation>
    </message>
    <message>
        <source>Simulation progress</source>
        <translation>模拟进度</translation>
    </message>
    <message>
        <source>Simulation status</source>
        <translation>模拟状态</translation>
    </message>
    <message>
        <source>Cold-start ratio</source>
        <translation>冷启动率</translation>
    </message>
    <message>
        <source>Throttle ratio</source>
        <translation>限流率</translation>
    </message>
    <message>
        <source>Latency percentiles</source>
        <translation>延迟百分位数</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>Instance time</source>
        <translation>实例时间</translation>
    </message>
    <message>
        <source>Cold starts:</source>
        <translation>冷启动：</translation>
    </message>
    <message>
        <source>Throttled:</source>
        <translation>被限流：</translation>
    </message>
    <message>
        <source>Latency:</source>
        <translation>延迟：</translation>
    </message>
    <message>
        <source>Instances:</source>
        <translation>实例：</translation>
    </message>
    <message>
        <source>Instance time:</source>
        <translation>实例时间：</translation>
    </message>
    <message>
        <source>Instances over time</source>
        <translation>实例数随时间变化</translation>
    </message>
    <message>
        <source>Busy and idle instance time</source>
        <translation>忙碌与空闲的实例时间</translation>
    </message>
    <message>
        <source>Instance-hours: busy and idle</source>
        <translation>实例小时：忙碌与空闲</translation>
    </message>
    <message>
        <source>Monthly cost</source>
        <translation>月成本</translation>
    </message>
    <message>
        <source>The cost per 730-hour month appears here after a run.</source>
        <translation>运行后，这里会显示按每月 730 小时计的成本。</translation>
    </message>
    <message>
        <source>Poisson</source>
        <translation>泊松</translation>
    </message>
    <message>
        <source>Periodic</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>Bursty on/off</source>
        <translation>突发开/关</translation>
    </message>
    <message>
        <source>Diurnal</source>
        <translation>昼夜周期</translation>
    </message>
    <message>
        <source>Trace file</source>
        <translation>跟踪文件</translation>
    </message>
    <message>
        <source>Arrival model</source>
        <translation>到达模型</translation>
    </message>
    <message>
        <source> /s</source>
        <translation> /秒</translation>
    </message>
    <message>
        <source>Invocations per second</source>
        <translation>每秒调用次数</translation>
    </message>
    <message>
        <source>Burst length</source>
        <translation>突发时长</translation>
    </message>
    <message>
        <source>Quiet time between bursts</source>
        <translation>突发间的静默时间</translation>
    </message>
    <message>
        <source>Diurnal amplitude</source>
        <translation>昼夜振幅</translation>
    </message>
    <message>
        <source>Diurnal period</source>
        <translation>昼夜周期长度</translation>
    </message>
    <message>
        <source>invocations_per_function_md.anon.d01.csv</source>
        <translation>invocations_per_function_md.anon.d01.csv</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose a trace file</source>
        <translation>选择跟踪文件</translation>
    </message>
    <message>
        <source>Function hash to replay</source>
        <translation>要回放的函数哈希</translation>
    </message>
    <message>
        <source>1h, 1d, 30d</source>
        <translation>1h、1d、30d</translation>
    </message>
    <message>
        <source>Simulated duration</source>
        <translation>模拟时长</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>Exponential</source>
        <translation>指数</translation>
    </message>
    <message>
        <source>Lognormal (p50, p99)</source>
        <translation>对数正态（p50、p99）</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <source>Service time distribution</source>
        <translation>服务时间分布</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>Service time in milliseconds</source>
        <translation>服务时间（毫秒）</translation>
    </message>
    <message>
        <source>Service time p99 in milliseconds</source>
        <translation>服务时间 p99（毫秒）</translation>
    </message>
    <message>
        <source>Function whose times are measured</source>
        <translation>测量其时间的函数</translation>
    </message>
    <message>
        <source>Typed</source>
        <translation>手动输入</translation>
    </message>
    <message>
        <source>Measured mean</source>
        <translation>实测平均值</translation>
    </message>
    <message>
        <source>Init time source</source>
        <translation>初始化时间来源</translation>
    </message>
    <message>
        <source>Init time in milliseconds</source>
        <translation>初始化时间（毫秒）</translation>
    </message>
    <message>
        <source>Fixed keep-alive</source>
        <translation>固定保活</translation>
    </message>
    <message>
        <source>No keep-alive</source>
        <translation>不保活</translation>
    </message>
    <message>
        <source>Hybrid histogram</source>
        <translation>混合直方图</translation>
    </message>
    <message>
        <source>Keep-alive policy</source>
        <translation>保活策略</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Keep-alive in minutes</source>
        <translation>保活时间（分钟）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Concurrency cap</source>
        <translation>并发上限</translation>
    </message>
    <message>
        <source>Provisioned instances</source>
        <translation>预置实例</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Memory in megabytes</source>
        <translation>内存（兆字节）</translation>
    </message>
    <message>
        <source>Provider for the cost</source>
        <translation>用于计算成本的云服务商</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Arrivals:</source>
        <translation>到达：</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>速率：</translation>
    </message>
    <message>
        <source>Burst on:</source>
        <translation>突发开：</translation>
    </message>
    <message>
        <source>Burst off:</source>
        <translation>突发关：</translation>
    </message>
    <message>
        <source>Amplitude:</source>
        <translation>振幅：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>周期：</translation>
    </message>
    <message>
        <source>Trace file:</source>
        <translation>跟踪文件：</translation>
    </message>
    <message>
        <source>Function hash:</source>
        <translation>函数哈希：</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>时长：</translation>
    </message>
    <message>
        <source>Service time:</source>
        <translation>服务时间：</translation>
    </message>
    <message>
        <source>Service ms:</source>
        <translation>服务毫秒：</translation>
    </message>
    <message>
        <source>Service p99:</source>
        <translation>服务 p99：</translation>
    </message>
    <message>
        <source>Measured function:</source>
        <translation>实测函数：</translation>
    </message>
    <message>
        <source>Init:</source>
        <translation>初始化：</translation>
    </message>
    <message>
        <source>Init ms:</source>
        <translation>初始化毫秒：</translation>
    </message>
    <message>
        <source>Keep-alive:</source>
        <translation>保活：</translation>
    </message>
    <message>
        <source>Keep for:</source>
        <translation>保持：</translation>
    </message>
    <message>
        <source>Concurrency cap:</source>
        <translation>并发上限：</translation>
    </message>
    <message>
        <source>Provisioned:</source>
        <translation>预置：</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>内存：</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>云服务商：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>种子：</translation>
    </message>
    <message>
        <source>Azure Functions trace</source>
        <translation>Azure Functions 跟踪</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The rate must be above 0 invocations per second.</source>
        <translation>速率必须大于每秒 0 次调用。</translation>
    </message>
    <message>
        <source>The burst length needs a duration above 0, such as 1m.</source>
        <translation>突发时长需要大于 0 的时长，例如 1m。</translation>
    </message>
    <message>
        <source>The quiet time needs a duration, such as 9m.</source>
        <translation>静默时间需要一个时长，例如 9m。</translation>
    </message>
    <message>
        <source>The period needs a duration above 0, such as 1d.</source>
        <translation>周期需要大于 0 的时长，例如 1d。</translation>
    </message>
    <message>
        <source>Reading the trace file…</source>
        <translation>正在读取跟踪文件…</translation>
    </message>
    <message>
        <source>Choose a trace file, then the function hash to replay.</source>
        <translation>请选择一个跟踪文件，然后选择要回放的函数哈希。</translation>
    </message>
    <message>
        <source>Give a duration above 0 such as 1h, 1d or 30d (ms, s, m, h, d, mo).</source>
        <translation>请输入大于 0 的时长，例如 1h、1d 或 30d（ms、s、m、h、d、mo）。</translation>
    </message>
    <message>
        <source>The p99 must be above the p50.</source>
        <translation>p99 必须大于 p50。</translation>
    </message>
    <message>
        <source>Measured times need a workspace history; run the function first.</source>
        <translation>实测时间需要工作区的历史记录；请先运行该函数。</translation>
    </message>
    <message>
        <source>Choose the function whose measured times to use.</source>
        <translation>请选择使用其实测时间的函数。</translation>
    </message>
    <message>
        <source>Provisioned instances cannot exceed the concurrency cap.</source>
        <translation>预置实例数不能超过并发上限。</translation>
    </message>
    <message>
        <source>Service time p50 in milliseconds</source>
        <translation>服务时间 p50（毫秒）</translation>
    </message>
    <message>
        <source>Fix the fields marked in red to run.</source>
        <translation>请修正标红的字段后再运行。</translation>
    </message>
    <message>
        <source>There are no measured invocations of %1; run it first.</source>
        <translation>%1 没有实测调用；请先运行它。</translation>
    </message>
    <message>
        <source>%1 has no measured cold start to take the init time from.</source>
        <translation>%1 没有可用于获取初始化时间的实测冷启动。</translation>
    </message>
    <message>
        <source>Simulating…</source>
        <translation>正在模拟…</translation>
    </message>
    <message>
        <source>The simulation did not run.</source>
        <translation>模拟未运行。</translation>
    </message>
    <message>
        <source>Cancelled at %1 of %2 simulated.</source>
        <translation>已在模拟了 %2 中的 %1 时取消。</translation>
    </message>
    <message>
        <source>Simulated %1: %2 arrivals.</source>
        <translation>已模拟 %1：%2 次到达。</translation>
    </message>
    <message>
        <source>Arrivals %1; service %2; init %3; keep-alive %4.</source>
        <translation>到达 %1；服务 %2；初始化 %3；保活 %4。</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 served)</source>
        <translation>%1（%3 次中处理了 %2 次）</translation>
    </message>
    <message>
        <source>%1% (%2 of %3 arrivals)</source>
        <translation>%1%（%3 次到达中的 %2 次）</translation>
    </message>
    <message>
        <source>p50 %1 ms · p90 %2 ms · p99 %3 ms · max %4 ms</source>
        <translation>p50 %1 毫秒 · p90 %2 毫秒 · p99 %3 毫秒 · 最大 %4 毫秒</translation>
    </message>
    <message>
        <source>mean %1 (busy %2), max %3</source>
        <translation>平均 %1（忙碌 %2），最大 %3</translation>
    </message>
    <message>
        <source>busy %1 h, idle %2 h</source>
        <translation>忙碌 %1 小时，空闲 %2 小时</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>已加载</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>instances</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>instance-h</source>
        <translation>实例小时</translation>
    </message>
    <message>
        <source>No provider chosen: the run is not priced.</source>
        <translation>未选择云服务商：本次运行不计价。</translation>
    </message>
    <message>
        <source>The built-in price list could not be loaded.</source>
        <translation>无法加载内置价格表。</translation>
    </message>
    <message>
        <source>Cost per 730-hour month on %1 (the run scaled by %2):
%3</source>
        <translation>在 %1 上按每月 730 小时计的成本（本次运行按 %2 缩放）：
%3</translation>
    </message>
    <message>
        <source>Cannot price the run: %1</source>
        <translation>无法为本次运行计价：%1</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>swb::TimelineView</name>
    <message>
        <source>Invocation timeline</source>
        <translation>调用时间线</translation>
    </message>
    <message>
        <source>One lane per instance, one bar per invocation: cold start init, handler time, frozen time, expiry and throttles. Arrow keys pan, plus and minus zoom, F fits, End follows live.</source>
        <translation>每个实例一条泳道，每次调用一根条形：冷启动初始化、处理程序时间、冻结时间、过期和限流。方向键平移，加号和减号缩放，F 适应窗口，End 跟随实时。</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Follow live: keep the latest time in view (End)</source>
        <translation>跟随实时：保持最新时间可见（End）</translation>
    </message>
    <message>
        <source>Follow live</source>
        <translation>跟随实时</translation>
    </message>
    <message>
        <source>cold start</source>
        <translation>冷启动</translation>
    </message>
    <message>
        <source>warm start</source>
        <translation>热启动</translation>
    </message>
    <message>
        <source>RequestId: %1 (%2, running since %3)</source>
        <translation>RequestId：%1（%2，自 %3 起运行）</translation>
    </message>
    <message>
        <source>RequestId: %1 (%2, %3 ms, %4)</source>
        <translation>RequestId：%1（%2，%3 毫秒，%4）</translation>
    </message>
    <message>
        <source>Throttled at %1: TooManyRequestsException (RequestId: %2)</source>
        <translation>%1 时被限流：TooManyRequestsException（RequestId：%2）</translation>
    </message>
    <message>
        <source>%1, instance %2, started at %3</source>
        <translation>%1，实例 %2，启动于 %3</translation>
    </message>
    <message>
        <source>Expired at %1: %2</source>
        <translation>%1 时过期：%2</translation>
    </message>
    <message>
        <source>Killed at %1: %2</source>
        <translation>%1 时被终止：%2</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>Init (cold start)</source>
        <translation>初始化（冷启动）</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>处理程序</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>冻结</translation>
    </message>
    <message>
        <source>Throttled</source>
        <translation>被限流</translation>
    </message>
    <message>
        <source>Expired / killed</source>
        <translation>过期 / 终止</translation>
    </message>
</context>
<context>
    <name>swb::WelcomePage</name>
    <message>
        <source>Serverless Workbench</source>
        <translation>Serverless Workbench</translation>
    </message>
    <message>
        <source>Write functions, run them on a faithful local copy of a FaaS platform, watch every cold and warm start, and price them on AWS, Azure, Google Cloud and OpenWhisk.</source>
        <translation>编写函数，在忠实还原的本地 FaaS 平台上运行它们，观察每一次冷启动和热启动，并在 AWS、Azure、Google Cloud 和 OpenWhisk 上估算费用。</translation>
    </message>
    <message>
        <source>Open workspace…</source>
        <translation>打开工作区…</translation>
    </message>
    <message>
        <source>Open a workspace folder</source>
        <translation>打开工作区文件夹</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Recent workspaces</source>
        <translation>最近的工作区</translation>
    </message>
    <message>
        <source>Import SAM template or serverless.yml…</source>
        <translation>导入 SAM 模板或 serverless.yml…</translation>
    </message>
    <message>
        <source>Import a SAM template or a serverless.yml</source>
        <translation>导入 SAM 模板或 serverless.yml</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
</context>
<context>
    <name>swb::WorkspaceTree</name>
    <message>
        <source>Workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <source>New Function…</source>
        <translation>新建函数…</translation>
    </message>
    <message>
        <source>Rename “%1”…</source>
        <translation>重命名“%1”…</translation>
    </message>
    <message>
        <source>Delete “%1”…</source>
        <translation>删除“%1”…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 (%2) · %3</source>
        <translation>%1（%2）· %3</translation>
    </message>
    <message>
        <source>%1
Handler: %2
Memory: %3 MB, timeout %4 s</source>
        <translation>%1
处理程序：%2
内存：%3 MB，超时 %4 秒</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Cost scenarios</source>
        <translation>成本场景</translation>
    </message>
    <message>
        <source>%1 (%2, %3 MB)</source>
        <translation>%1（%2，%3 MB）</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>staged</source>
        <translation>已暂存</translation>
    </message>
</context>
</TS>
