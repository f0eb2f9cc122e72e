/**
 * E2: the texts the API itself says, for GraphQL clients and server-rendered pages that want
 * words rather than codes: error messages, role / product kind / operation / problem type labels
 * (also the schema's English descriptions), the Azure Hybrid Benefit note and the download pages.
 * Keyed by the same codes the web's catalogs use, and a label both have is the same text (the
 * test compares them); ICU message syntax. The web never reads these.
 */
const en = {
  'csv.activity.time': 'time ({zone})',
  'csv.activity.operation': 'operation',
  'csv.activity.outcome': 'outcome',
  'csv.activity.failure_code': 'failure_code',
  'csv.activity.user': 'user',
  'csv.activity.customer': 'customer',
  'csv.activity.product': 'product',
  'csv.activity.resource': 'resource',
  'csv.activity.remote_address': 'remote_address',
  'csv.activity.user_agent': 'user_agent',
  'csv.activity.detail': 'detail',
  'csv.invoice.invoice_period': 'invoice_period',
  'csv.invoice.kind': 'kind',
  'csv.invoice.customer': 'customer',
  'csv.invoice.order_id': 'order_id',
  'csv.invoice.product': 'product',
  'csv.invoice.sku': 'sku',
  'csv.invoice.quantity': 'quantity',
  'csv.invoice.amount': 'amount',
  'csv.invoice.currency': 'currency',
  'csv.invoice.tax_included': 'tax_included',
  'csv.invoice.created_at': 'created_at',
  'activity.detail.LINK_ISSUED': '{version} · {language} · {fileType}',
  'activity.detail.DOWNLOADED': 'issued by {issuer}; {version} · {language} · {fileType}',
  'activity.detail.REFUSED_IN_HOUR':
    'refused downloads of this link in the hour from {fromUtc} UTC',
  'activity.detail.SUPPORT_REQUEST': '{problemType}: {title}',
  'activity.detail.CANCELLATION_CREDIT':
    'credit {amountMinor} {currency} (minor units) on invoice {period}',
  'app.name': 'CSP Software Portal',
  'error.UNAUTHENTICATED': 'Please sign in to continue.',
  'error.INVALID_CREDENTIALS': 'The e-mail or password is not correct.',
  'error.TOO_MANY_ATTEMPTS':
    'Too many failed sign-ins. Wait {retryAfterSeconds} seconds and try again.',
  'error.FORBIDDEN_ROLE':
    'Your role does not allow this. It needs one of these roles: {missingRoles}.',
  'error.NOT_FOUND': 'That {resource} was not found.',
  'error.BAD_USER_INPUT': 'Some of the input is not valid: {reason}',
  'reason.FIELDS_NEED_ATTENTION':
    '{fieldCount, plural, one {# field needs attention ({fields}).} other {# fields need attention ({fields}).}}',
  'reason.DATES_INVALID': 'Enter valid dates.',
  'reason.DATE_RANGE_ORDER': 'The end date must be after the start date.',
  'reason.DATE_RANGE_TOO_LONG': 'Choose a range of at most {maxDays, number} days.',
  'reason.OPERATION_TYPE_UNKNOWN': 'Unknown operation type.',
  'reason.TIME_ZONE_UNKNOWN': 'Unknown time zone: use an IANA name such as Asia/Seoul.',
  'reason.EMAIL_REQUIRED': 'Enter your e-mail address.',
  'reason.PASSWORD_REQUIRED': 'Enter your password.',
  'reason.SEARCH_TOO_LONG': 'Search for at most {max, number} characters.',
  'reason.EVENTS_REQUIRED': 'Choose at least one event.',
  'reason.EVENT_UNKNOWN': 'Unknown event “{event}”; use {events}.',
  'reason.ENDPOINT_LIMIT': 'A partner has at most {max, number} endpoints; remove one first.',
  'reason.URL_LENGTH': 'Give the endpoint’s address (at most {max, number} characters).',
  'reason.URL_NOT_ABSOLUTE':
    'The address must be an absolute URL such as https://example.com/hooks.',
  'reason.URL_SCHEME': 'The address must start with https://.',
  'reason.URL_NOT_HTTPS': 'Only https:// addresses are accepted.',
  'reason.URL_CREDENTIALS':
    'Put no user name or password in the address; requests are signed instead.',
  'reason.URL_FRAGMENT': 'The address may not have a #fragment.',
  'reason.URL_HOST_NOT_FOUND': 'The host {host} could not be found.',
  'reason.URL_PRIVATE_ADDRESS':
    'The address points into a private or local network, which is not allowed.',
  'reason.WITHIN_DAYS_OUT_OF_RANGE':
    'withinDays must be a whole number of days from 1 to {max, number}.',
  'reason.DOWNLOAD_CHOICE_INCOMPLETE': 'Pick a version, a language and a file type.',
  'reason.CURSOR_INVALID': 'The cursor is not one this API gave out.',
  'reason.FIRST_OUT_OF_RANGE': 'first must be between 1 and {max, number}.',
  'reason.AFTER_NOT_IN_LIST': 'after must be the id of an item of this list.',
  'error.MARKET_UNAVAILABLE': 'This product is not available in the customer’s market ({market}).',
  'error.IDEMPOTENCY_CONFLICT':
    'This idempotency key was already used for a different order. Use a new key.',
  'error.CANCELLATION_WINDOW_CLOSED':
    'You have passed your {windowDays}-day cancellation window (it ended {cancellableUntil}).',
  'error.SUPPORT_REQUEST_REQUIRED':
    'This purchase can only be cancelled through a customer support request.',
  'error.NOT_CANCELLABLE':
    'SUSE Linux and Red Hat software plans cannot be cancelled or exchanged.',
  'error.ALREADY_CANCELLED': 'This purchase was already cancelled on {cancelledAt}.',
  'error.ACKNOWLEDGEMENT_REQUIRED': 'Tick the box to confirm you have read the Important notice.',
  'error.LINK_EXPIRED':
    'This download link expired on {expiresAt}. Ask your partner for a new link.',
  'error.LINK_EXHAUSTED':
    'This download link has been used {maxDownloads} times, its limit. Ask your partner for a new link.',
  'error.LINK_REVOKED': 'This download link was revoked because the purchase was cancelled.',
  'error.OPTION_UNAVAILABLE':
    'That version, language or file type is not offered for this product.',
  'error.DATABASE_UNAVAILABLE':
    'The service cannot reach its database right now. Try again in a moment.',
  'error.INTERNAL':
    'Something went wrong on our side. Try again; if it persists, report a problem.',
  'role.ADMIN_AGENT': 'Admin agent',
  'role.GLOBAL_ADMIN': 'Global admin',
  'role.ACCOUNT_ADMIN': 'Account admin',
  'role.REFERRAL_ADMIN': 'Referral admin',
  'role.MARKETING_CONTENT_ADMIN': 'Marketing content admin',
  'role.SALES_AGENT': 'Sales agent',
  'role.HELPDESK_AGENT': 'Helpdesk agent',
  'productKind.AZURE_RESERVATION': 'Azure reservation',
  'productKind.SERVER_SUBSCRIPTION': 'Server subscription',
  'productKind.PERPETUAL_SOFTWARE': 'Perpetual software',
  'productKind.WINDOWS_7_ESU': 'Windows 7 Extended Security Updates 2020',
  'productKind.LINUX_SOFTWARE_PLAN': 'SUSE Linux / Red Hat software plan in Azure',
  'operation.get_software_key': 'Accessed activation key',
  'operation.get_software_download_link': 'Issued download link',
  'operation.download_software': 'Downloaded software',
  'operation.create_order': 'Placed order',
  'operation.cancel_order': 'Cancelled purchase',
  'operation.create_support_request': 'Submitted support request',
  'support.problemType.CSP_PURCHASE_REFUND': 'CSP Purchase/Refund on behalf of customers',
  'support.problemType.BILLING': 'Billing and invoices',
  'support.problemType.SOFTWARE_DOWNLOADS_AND_KEYS': 'Software downloads and keys',
  'support.problemType.ACCOUNT_AND_ROLES': 'Account, users and roles',
  'support.problemType.OTHER': 'Something else',
  'catalog.azureHybridBenefitNote':
    'With the Azure Hybrid Benefit, Windows Server Datacenter and Standard licences covered by Software Assurance can run Windows Server virtual machines in Azure at a lower base rate, saving up to 40 percent.',
  'download.title.gone': 'This download link no longer works',
  'download.title.missing': 'This download link does not exist',
  'download.reason.LINK_EXPIRED': 'This download link expired on {expiresAt}.',
  'download.reason.LINK_EXHAUSTED':
    'This download link has been used {maxDownloads} times, its limit.',
  'download.action.renew': 'Ask the partner who sent it for a new link.',
  'download.action.revoked':
    'The software of a cancelled purchase can no longer be downloaded. If you think this is a mistake, contact the partner who sent the link.',
  'download.action.missing':
    'Check that the whole link was copied. If it was, ask the partner who sent it for a new link.',
  'download.action.retry': 'Try again in a few minutes.',
  'resource.customer': 'customer',
  'resource.order': 'order',
  'resource.invoice': 'invoice',
  'resource.product': 'product',
  'resource.SKU': 'SKU',
  'resource.price': 'price',
} as const;

export type ServerTextKey = keyof typeof en;

const ko: Record<ServerTextKey, string> = {
  'csv.activity.time': '시각 ({zone})',
  'csv.activity.operation': '작업',
  'csv.activity.outcome': '결과',
  'csv.activity.failure_code': '실패 코드',
  'csv.activity.user': '사용자',
  'csv.activity.customer': '고객',
  'csv.activity.product': '제품',
  'csv.activity.resource': '리소스',
  'csv.activity.remote_address': '원격 주소',
  'csv.activity.user_agent': '사용자 에이전트',
  'csv.activity.detail': '세부 정보',
  'csv.invoice.invoice_period': '청구 기간',
  'csv.invoice.kind': '유형',
  'csv.invoice.customer': '고객',
  'csv.invoice.order_id': '주문 ID',
  'csv.invoice.product': '제품',
  'csv.invoice.sku': 'SKU',
  'csv.invoice.quantity': '수량',
  'csv.invoice.amount': '금액',
  'csv.invoice.currency': '통화',
  'csv.invoice.tax_included': '세금 포함',
  'csv.invoice.created_at': '생성 시각',
  'activity.detail.LINK_ISSUED': '{version} · {language} · {fileType}',
  'activity.detail.DOWNLOADED': '발급자 {issuer}; {version} · {language} · {fileType}',
  'activity.detail.REFUSED_IN_HOUR': '{fromUtc} UTC부터 한 시간 동안 거부된 이 링크의 다운로드',
  'activity.detail.SUPPORT_REQUEST': '{problemType}: {title}',
  'activity.detail.CANCELLATION_CREDIT':
    '청구서 {period}에 크레딧 {amountMinor} {currency}(최소 단위)',
  'app.name': 'CSP 소프트웨어 포털',
  'error.UNAUTHENTICATED': '계속하려면 로그인하세요.',
  'error.INVALID_CREDENTIALS': '이메일 또는 암호가 올바르지 않습니다.',
  'error.TOO_MANY_ATTEMPTS':
    '로그인 실패가 너무 많습니다. {retryAfterSeconds}초 후에 다시 시도하세요.',
  'error.FORBIDDEN_ROLE': '현재 역할로는 이 작업을 할 수 없습니다. 필요한 역할: {missingRoles}.',
  'error.NOT_FOUND': '해당 {resource}을(를) 찾을 수 없습니다.',
  'error.BAD_USER_INPUT': '입력 값이 올바르지 않습니다: {reason}',
  'reason.FIELDS_NEED_ATTENTION': '{fieldCount, plural, other {#개 항목을 확인하세요({fields}).}}',
  'reason.DATES_INVALID': '올바른 날짜를 입력하세요.',
  'reason.DATE_RANGE_ORDER': '종료일은 시작일 이후여야 합니다.',
  'reason.DATE_RANGE_TOO_LONG': '최대 {maxDays, number}일 범위를 선택하세요.',
  'reason.OPERATION_TYPE_UNKNOWN': '알 수 없는 작업 유형입니다.',
  'reason.TIME_ZONE_UNKNOWN':
    '알 수 없는 표준 시간대입니다. Asia/Seoul과 같은 IANA 이름을 사용하세요.',
  'reason.EMAIL_REQUIRED': '이메일 주소를 입력하세요.',
  'reason.PASSWORD_REQUIRED': '암호를 입력하세요.',
  'reason.SEARCH_TOO_LONG': '최대 {max, number}자까지 검색할 수 있습니다.',
  'reason.EVENTS_REQUIRED': '이벤트를 하나 이상 선택하세요.',
  'reason.EVENT_UNKNOWN': '알 수 없는 이벤트 “{event}”입니다. 다음 중에서 선택하세요: {events}.',
  'reason.ENDPOINT_LIMIT':
    '파트너당 엔드포인트는 최대 {max, number}개입니다. 먼저 하나를 제거하세요.',
  'reason.URL_LENGTH': '엔드포인트 주소를 입력하세요(최대 {max, number}자).',
  'reason.URL_NOT_ABSOLUTE': '주소는 https://example.com/hooks와 같은 절대 URL이어야 합니다.',
  'reason.URL_SCHEME': '주소는 https://로 시작해야 합니다.',
  'reason.URL_NOT_HTTPS': 'https:// 주소만 사용할 수 있습니다.',
  'reason.URL_CREDENTIALS':
    '주소에 사용자 이름이나 암호를 넣지 마세요. 요청은 대신 서명으로 확인됩니다.',
  'reason.URL_FRAGMENT': '주소에 #프래그먼트를 넣을 수 없습니다.',
  'reason.URL_HOST_NOT_FOUND': '호스트 {host}을(를) 찾을 수 없습니다.',
  'reason.URL_PRIVATE_ADDRESS':
    '주소가 사설 또는 로컬 네트워크를 가리킵니다. 이런 주소는 허용되지 않습니다.',
  'reason.WITHIN_DAYS_OUT_OF_RANGE':
    'withinDays는 1부터 {max, number}까지의 정수(일 수)여야 합니다.',
  'reason.DOWNLOAD_CHOICE_INCOMPLETE': '버전, 언어, 파일 형식을 모두 선택하세요.',
  'reason.CURSOR_INVALID': '이 API가 발급한 커서가 아닙니다.',
  'reason.FIRST_OUT_OF_RANGE': 'first는 1에서 {max, number} 사이여야 합니다.',
  'reason.AFTER_NOT_IN_LIST': 'after는 이 목록에 있는 항목의 ID여야 합니다.',
  'error.MARKET_UNAVAILABLE': '이 제품은 고객의 시장({market})에서 제공되지 않습니다.',
  'error.IDEMPOTENCY_CONFLICT':
    '이 멱등성 키는 다른 주문에 이미 사용되었습니다. 새 키를 사용하세요.',
  'error.CANCELLATION_WINDOW_CLOSED':
    '{windowDays}일 취소 기간이 지났습니다({cancellableUntil}에 종료).',
  'error.SUPPORT_REQUEST_REQUIRED': '이 구매는 고객 지원 요청을 통해서만 취소할 수 있습니다.',
  'error.NOT_CANCELLABLE': 'SUSE Linux 및 Red Hat 소프트웨어 플랜은 취소하거나 교환할 수 없습니다.',
  'error.ALREADY_CANCELLED': '이 구매는 {cancelledAt}에 이미 취소되었습니다.',
  'error.ACKNOWLEDGEMENT_REQUIRED': '중요 안내를 읽었음을 확인하는 상자를 선택하세요.',
  'error.LINK_EXPIRED':
    '이 다운로드 링크는 {expiresAt}에 만료되었습니다. 파트너에게 새 링크를 요청하세요.',
  'error.LINK_EXHAUSTED':
    '이 다운로드 링크는 한도인 {maxDownloads}회를 모두 사용했습니다. 파트너에게 새 링크를 요청하세요.',
  'error.LINK_REVOKED': '구매가 취소되어 이 다운로드 링크가 해지되었습니다.',
  'error.OPTION_UNAVAILABLE': '이 제품에는 해당 버전, 언어 또는 파일 형식이 제공되지 않습니다.',
  'error.DATABASE_UNAVAILABLE':
    '지금은 데이터베이스에 연결할 수 없습니다. 잠시 후 다시 시도하세요.',
  'error.INTERNAL': '서버에서 문제가 발생했습니다. 다시 시도하고, 계속되면 문제를 신고하세요.',
  'role.ADMIN_AGENT': '관리 에이전트',
  'role.GLOBAL_ADMIN': '전역 관리자',
  'role.ACCOUNT_ADMIN': '계정 관리자',
  'role.REFERRAL_ADMIN': '추천 관리자',
  'role.MARKETING_CONTENT_ADMIN': '마케팅 콘텐츠 관리자',
  'role.SALES_AGENT': '영업 에이전트',
  'role.HELPDESK_AGENT': '헬프데스크 에이전트',
  'productKind.AZURE_RESERVATION': 'Azure 예약',
  'productKind.SERVER_SUBSCRIPTION': '서버 구독',
  'productKind.PERPETUAL_SOFTWARE': '영구 소프트웨어',
  'productKind.WINDOWS_7_ESU': 'Windows 7 확장 보안 업데이트 2020',
  'productKind.LINUX_SOFTWARE_PLAN': 'Azure의 SUSE Linux / Red Hat 소프트웨어 플랜',
  'operation.get_software_key': '정품 인증 키 조회',
  'operation.get_software_download_link': '다운로드 링크 발급',
  'operation.download_software': '소프트웨어 다운로드',
  'operation.create_order': '주문',
  'operation.cancel_order': '구매 취소',
  'operation.create_support_request': '지원 요청 제출',
  'support.problemType.CSP_PURCHASE_REFUND': '고객을 대신한 CSP 구매/환불',
  'support.problemType.BILLING': '청구 및 청구서',
  'support.problemType.SOFTWARE_DOWNLOADS_AND_KEYS': '소프트웨어 다운로드 및 키',
  'support.problemType.ACCOUNT_AND_ROLES': '계정, 사용자 및 역할',
  'support.problemType.OTHER': '기타',
  'catalog.azureHybridBenefitNote':
    'Azure 하이브리드 혜택을 사용하면 Software Assurance가 적용되는 Windows Server Datacenter 및 Standard 라이선스로 Azure에서 Windows Server 가상 머신을 더 낮은 기본 요금으로 실행하여 최대 40%를 절약할 수 있습니다.',
  'download.title.gone': '이 다운로드 링크는 더 이상 사용할 수 없습니다',
  'download.title.missing': '이 다운로드 링크는 존재하지 않습니다',
  'download.reason.LINK_EXPIRED': '이 다운로드 링크는 {expiresAt}에 만료되었습니다.',
  'download.reason.LINK_EXHAUSTED':
    '이 다운로드 링크는 한도인 {maxDownloads}회를 모두 사용했습니다.',
  'download.action.renew': '링크를 보낸 파트너에게 새 링크를 요청하세요.',
  'download.action.revoked':
    '취소된 구매의 소프트웨어는 더 이상 다운로드할 수 없습니다. 잘못되었다고 생각되면 링크를 보낸 파트너에게 문의하세요.',
  'download.action.missing':
    '링크 전체가 복사되었는지 확인하세요. 그래도 안 되면 링크를 보낸 파트너에게 새 링크를 요청하세요.',
  'download.action.retry': '몇 분 후에 다시 시도하세요.',
  'resource.customer': '고객',
  'resource.order': '주문',
  'resource.invoice': '청구서',
  'resource.product': '제품',
  'resource.SKU': 'SKU',
  'resource.price': '가격',
};

export const SERVER_TEXTS = { en, ko } as const;
