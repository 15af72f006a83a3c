// A dense bench file for prodready-hardcoded-secret (bench/run.py): the
// string literals and secret-ish names of a service's configuration,
// logging and HTTP code - hundreds of literals, names that describe
// secrets, tables of keys - with a few real credentials among them.
// Generated once; edit freely.
#include <curl/curl.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <cstdio>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace bench_secrets {

const char *const kPaymentRequestHeader0 = "PAYMENT_REQUEST";
const char *const kUserInvoicePath1 = "X-User-Invoice";
const char *const kUserOrderValue2 = "USER_ORDER";
const char *const kTokenAccountPrompt3 = "/etc/app/token/account.conf";
const char *const kKeyTokenFile4 = "https://api.example.org/v1/key/token";
const char *const kReportTokenPath5 = "report-5";
const char *const kPaymentToken6 = "/etc/app/payment/token.conf";
const char *const kAccountQueueRegex7 = "Enter the account queue:";
const char *const kPasswordAccountEnvVar8 = "https://api.example.org/v1/password/account";
const char *const kPasswordAuthPrompt9 = "https://api.example.org/v1/password/auth";
const char *const kBucketTokenType10 = "Enter the bucket token:";
const char *const kUploadKeyField11 = "upload-11";
const char *const kSessionAuthValue12 = "X-Session-Auth";
const char *const kPaymentOrderHeader13 = "payment.order";
const char *const kTenantRequestFile14 = "Enter the tenant request:";
const char *const kAuthOrderValue15 = "X-Auth-Order";
const char *const kCacheSecretName16 = "X-Cache-Secret";
const char *const kKeyRegionFile17 = "https://api.example.org/v1/key/region";
const char *const kHeaderAccountUrl18 = "Enter the header account:";
const char *const kHeaderTokenPrompt19 = "header.token";
const char *const kQueueQueueUrl20 = "queue-20";
const char *const kUploadSecretType21 = "/etc/app/upload/secret.conf";
const char *const kKeySession22 = "key-22";
const char *const kReportAuthUrl23 = "X-Report-Auth";
const char *const kAuthSecretField24 = "X-Auth-Secret";
const char *const kReportSessionFile25 = "X-Report-Session";
const char *const kUserKeyName26 = "/etc/app/user/key.conf";
const char *const kInvoiceAuthEnvVar27 = "https://api.example.org/v1/invoice/auth";
const char *const kAuthUserHeader28 = "X-Auth-User";
const char *const kAuthSessionEnvVar29 = "https://api.example.org/v1/auth/session";
const char *const kAccountBucketType30 = "ACCOUNT_BUCKET";
const char *const kReportSessionEnvVar31 = "X-Report-Session";
const char *const kUserUpload32 = "USER_UPLOAD";
const char *const kSecretPasswordLabel33 = "X-Secret-Password";
const char *const kTenantQueueEnvVar34 = "https://api.example.org/v1/tenant/queue";
const char *const kQueueRegionValue35 = "X-Queue-Region";
const char *const kPasswordSecretName36 = "PASSWORD_SECRET";
const char *const kTokenTenantField37 = "Enter the token tenant:";
const char *const kRequestOrderFile38 = "request.order";
const char *const kAuthHeaderLabel39 = "/etc/app/auth/header.conf";
const char *const kAccountBucketLabel40 = "https://api.example.org/v1/account/bucket";
const char *const kUploadRequestEnvVar41 = "/etc/app/upload/request.conf";
const char *const kAccountUploadName42 = "account-42";
const char *const kInvoiceHeaderRegex43 = "X-Invoice-Header";
const char *const kBucketSecretLabel44 = "bucket-44";
const char *const kOrderUploadPrompt45 = "/etc/app/order/upload.conf";
const char *const kUploadKeyRegex46 = "Enter the upload key:";
const char *const kRegionTenantType47 = "Enter the region tenant:";
const char *const kCacheSecret48 = "Enter the cache secret:";
const char *const kRequestCache49 = "request-49";
const char *const kOrderKeyValue50 = "order.key";
const char *const kPaymentBucketHeader51 = "Enter the payment bucket:";
const char *const kTenantUploadLabel52 = "https://api.example.org/v1/tenant/upload";
const char *const kAccountRegionId53 = "Enter the account region:";
const char *const kCacheHeaderRegex54 = "https://api.example.org/v1/cache/header";
const char *const kBucketInvoiceValue55 = "BUCKET_INVOICE";
const char *const kUploadKeyValue56 = "Enter the upload key:";
const char *const kBucketPasswordName57 = "/etc/app/bucket/password.conf";
const char *const kUploadOrder58 = "/etc/app/upload/order.conf";
const char *const kTokenInvoiceName59 = "https://api.example.org/v1/token/invoice";
const char *const kBucketPaymentPrompt60 = "X-Bucket-Payment";
const char *const kReportPaymentRegex61 = "REPORT_PAYMENT";
const char *const kSessionKeyHeader62 = "session.key";
const char *const kAccountUploadUrl63 = "Enter the account upload:";
const char *const kUserTokenField64 = "user.token";
const char *const kPasswordInvoiceLabel65 = "password-65";
const char *const kBucketOrderHeader66 = "bucket.order";
const char *const kAuthAuthType67 = "https://api.example.org/v1/auth/auth";
const char *const kTenantInvoiceField68 = "X-Tenant-Invoice";
const char *const kPasswordReportType69 = "PASSWORD_REPORT";
const char *const kAccountRequestType70 = "/etc/app/account/request.conf";
const char *const kSecretInvoiceName71 = "SECRET_INVOICE";
const char *const kBucketRequestEnvVar72 = "BUCKET_REQUEST";
const char *const kKeyKeyName73 = "/etc/app/key/key.conf";
const char *const kKeyKeyEnvVar74 = "key-74";
const char *const kReportSecretType75 = "report-75";
const char *const kKeySecretRegex76 = "KEY_SECRET";
const char *const kHeaderCacheUrl77 = "HEADER_CACHE";
const char *const kUploadKeyType78 = "/etc/app/upload/key.conf";
const char *const kBucketKeyHeader79 = "X-Bucket-Key";
const char *const kPaymentAccountUrl80 = "payment-80";
const char *const kRegionHeaderField81 = "REGION_HEADER";
const char *const kCacheSecretId82 = "/etc/app/cache/secret.conf";
const char *const kUploadKeyFile83 = "upload.key";
const char *const kReportPasswordPrompt84 = "/etc/app/report/password.conf";
const char *const kAccountReportUrl85 = "Enter the account report:";
const char *const kReportQueueUrl86 = "https://api.example.org/v1/report/queue";
const char *const kHeaderAccountUrl87 = "https://api.example.org/v1/header/account";
const char *const kHeaderCacheId88 = "header.cache";
const char *const kPaymentSecretField89 = "payment.secret";
const char *const kTenantQueueValue90 = "https://api.example.org/v1/tenant/queue";
const char *const kAuthSecretRegex91 = "auth-91";
const char *const kAuthAccountLabel92 = "auth-92";
const char *const kSecretTokenLabel93 = "https://api.example.org/v1/secret/token";
const char *const kUploadUploadPrompt94 = "upload-94";
const char *const kOrderAuthPath95 = "ORDER_AUTH";
const char *const kAccountBucketId96 = "account-96";
const char *const kSessionInvoiceRegex97 = "Enter the session invoice:";
const char *const kQueueReportPath98 = "queue.report";
const char *const kAuthReportType99 = "auth-99";
const char *const kInvoiceAccountValue100 = "invoice-100";
const char *const kAuthTokenUrl101 = "Enter the auth token:";
const char *const kPaymentRegionValue102 = "Enter the payment region:";
const char *const kTenantUploadEnvVar103 = "X-Tenant-Upload";
const char *const kTenantUserFile104 = "tenant-104";
const char *const kUserAccountName105 = "/etc/app/user/account.conf";
const char *const kSecretUploadHeader106 = "/etc/app/secret/upload.conf";
const char *const kBucketBucketLabel107 = "/etc/app/bucket/bucket.conf";
const char *const kTokenPasswordId108 = "Enter the token password:";
const char *const kSecretRequestValue109 = "https://api.example.org/v1/secret/request";
const char *const kBucketAccountField110 = "BUCKET_ACCOUNT";
const char *const kSessionInvoiceField111 = "session.invoice";
const char *const kCacheUserEnvVar112 = "X-Cache-User";
const char *const kUserSecretRegex113 = "Enter the user secret:";
const char *const kRegionPasswordLabel114 = "region.password";
const char *const kPaymentRegionLabel115 = "payment-115";
const char *const kSessionOrderName116 = "/etc/app/session/order.conf";
const char *const kHeaderReportHeader117 = "Enter the header report:";
const char *const kUserKeyHeader118 = "X-User-Key";
const char *const kOrderRequestEnvVar119 = "https://api.example.org/v1/order/request";
const char *const kAuthAccountRegex120 = "auth.account";
const char *const kInvoiceHeaderEnvVar121 = "https://api.example.org/v1/invoice/header";
const char *const kAccountAccountRegex122 = "https://api.example.org/v1/account/account";
const char *const kUploadAuthName123 = "X-Upload-Auth";
const char *const kRegionInvoiceField124 = "region-124";
const char *const kBucketQueueLabel125 = "bucket-125";
const char *const kCacheReportUrl126 = "Enter the cache report:";
const char *const kRequestAccountFile127 = "https://api.example.org/v1/request/account";
const char *const kOrderSecretFile128 = "ORDER_SECRET";
const char *const kSessionTenantHeader129 = "https://api.example.org/v1/session/tenant";
const char *const kAccountUserRegex130 = "https://api.example.org/v1/account/user";
const char *const kTenantTokenUrl131 = "tenant.token";
const char *const kPaymentCachePrompt132 = "/etc/app/payment/cache.conf";
const char *const kTokenInvoicePath133 = "token.invoice";
const char *const kBucketQueueField134 = "bucket.queue";
const char *const kBucketAuthPath135 = "BUCKET_AUTH";
const char *const kRequestOrderHeader136 = "REQUEST_ORDER";
const char *const kUserTokenField137 = "X-User-Token";
const char *const kAuthUploadEnvVar138 = "auth.upload";
const char *const kTokenRegionName139 = "TOKEN_REGION";
const char *const kKeyUserType140 = "KEY_USER";
const char *const kUploadTenantEnvVar141 = "upload.tenant";
const char *const kAccountSecretRegex142 = "/etc/app/account/secret.conf";
const char *const kKeyBucketField143 = "KEY_BUCKET";
const char *const kTokenSecretPrompt144 = "token.secret";
const char *const kReportTenantPath145 = "Enter the report tenant:";
const char *const kCacheCachePrompt146 = "cache.cache";
const char *const kSecretPaymentLabel147 = "X-Secret-Payment";
const char *const kPasswordTokenPath148 = "X-Password-Token";
const char *const kSecretPaymentField149 = "Enter the secret payment:";
const char *const kPasswordRequestEnvVar150 = "password-150";
const char *const kRequestRequestUrl151 = "X-Request-Request";
const char *const kCacheAuthLabel152 = "cache.auth";
const char *const kHeaderPasswordRegex153 = "header-153";
const char *const kKeyRegionName154 = "X-Key-Region";
const char *const kCacheSecretUrl155 = "cache-155";
const char *const kRequestOrderType156 = "/etc/app/request/order.conf";
const char *const kQueueRegionFile157 = "/etc/app/queue/region.conf";
const char *const kTokenKeyValue158 = "token-158";
const char *const kTenantHeaderPath159 = "X-Tenant-Header";
const char *const kOrderQueueField160 = "/etc/app/order/queue.conf";
const char *const kRegionAuthId161 = "https://api.example.org/v1/region/auth";
const char *const kReportHeaderUrl162 = "/etc/app/report/header.conf";
const char *const kKeyQueuePath163 = "X-Key-Queue";
const char *const kTokenSecretId164 = "token-164";
const char *const kAccountSecretLabel165 = "ACCOUNT_SECRET";
const char *const kReportSessionName166 = "report.session";
const char *const kSessionToken167 = "session-167";
const char *const kUserQueueValue168 = "Enter the user queue:";
const char *const kAccountQueueName169 = "X-Account-Queue";
const char *const kInvoiceOrderRegex170 = "invoice-170";
const char *const kOrderUserId171 = "Enter the order user:";
const char *const kTenantUpload172 = "tenant.upload";
const char *const kUploadSessionId173 = "/etc/app/upload/session.conf";
const char *const kTenantOrder174 = "Enter the tenant order:";
const char *const kUserAccountEnvVar175 = "Enter the user account:";
const char *const kRequestInvoicePrompt176 = "Enter the request invoice:";
const char *const kReportPaymentRegex177 = "report.payment";
const char *const kPasswordQueueUrl178 = "Enter the password queue:";
const char *const kAccountOrderEnvVar179 = "X-Account-Order";
const char *const kUploadBucket180 = "upload-180";
const char *const kHeaderUserUrl181 = "X-Header-User";
const char *const kRegionReportUrl182 = "region-182";
const char *const kSessionRegion183 = "/etc/app/session/region.conf";
const char *const kRegionBucketUrl184 = "Enter the region bucket:";
const char *const kPaymentTokenRegex185 = "X-Payment-Token";
const char *const kSecretInvoicePrompt186 = "X-Secret-Invoice";
const char *const kHeaderBucketUrl187 = "header-187";
const char *const kAccountReport188 = "Enter the account report:";
const char *const kHeaderInvoiceEnvVar189 = "HEADER_INVOICE";
const char *const kPaymentUploadValue190 = "payment.upload";
const char *const kHeaderUserId191 = "header-191";
const char *const kUserPasswordPrompt192 = "user-192";
const char *const kInvoiceSecretHeader193 = "Enter the invoice secret:";
const char *const kTenantAuthPrompt194 = "TENANT_AUTH";
const char *const kBucketKeyPath195 = "BUCKET_KEY";
const char *const kAuthUploadPath196 = "auth.upload";
const char *const kSecretOrderFile197 = "/etc/app/secret/order.conf";
const char *const kBucketCacheFile198 = "/etc/app/bucket/cache.conf";
const char *const kTenantRegionRegex199 = "tenant-199";
const char *const kAccountAuthLabel200 = "https://api.example.org/v1/account/auth";
const char *const kTokenPasswordValue201 = "Enter the token password:";
const char *const kAuthTenantType202 = "https://api.example.org/v1/auth/tenant";
const char *const kKeyPayment203 = "key.payment";
const char *const kHeaderUploadEnvVar204 = "https://api.example.org/v1/header/upload";
const char *const kTokenReportFile205 = "Enter the token report:";
const char *const kUploadSessionLabel206 = "https://api.example.org/v1/upload/session";
const char *const kPasswordKeyFile207 = "Enter the password key:";
const char *const kOrderTenantType208 = "Enter the order tenant:";
const char *const kSessionOrderName209 = "https://api.example.org/v1/session/order";
const char *const kTokenUser210 = "https://api.example.org/v1/token/user";
const char *const kAccountReportHeader211 = "ACCOUNT_REPORT";
const char *const kAuthPasswordValue212 = "auth.password";
const char *const kKeyUploadPath213 = "key.upload";
const char *const kSessionOrderId214 = "SESSION_ORDER";
const char *const kPaymentTenantLabel215 = "Enter the payment tenant:";
const char *const kUploadSecretName216 = "upload.secret";
const char *const kHeaderAuthPrompt217 = "https://api.example.org/v1/header/auth";
const char *const kBucketUploadId218 = "BUCKET_UPLOAD";
const char *const kInvoiceKeyName219 = "INVOICE_KEY";
const char *const kRequestAccountUrl220 = "/etc/app/request/account.conf";
const char *const kPasswordAccountValue221 = "Enter the password account:";
const char *const kInvoiceRegionFile222 = "INVOICE_REGION";
const char *const kRegionSessionUrl223 = "region-223";
const char *const kOrderPasswordUrl224 = "X-Order-Password";
const char *const kRegionRequestField225 = "/etc/app/region/request.conf";
const char *const kTenantAccountName226 = "X-Tenant-Account";
const char *const kKeyHeader227 = "key-227";
const char *const kUserUserField228 = "USER_USER";
const char *const kHeaderKeyUrl229 = "https://api.example.org/v1/header/key";
const char *const kTokenBucket230 = "/etc/app/token/bucket.conf";
const char *const kQueueHeaderValue231 = "/etc/app/queue/header.conf";
const char *const kSessionSessionName232 = "/etc/app/session/session.conf";
const char *const kTenantSessionRegex233 = "TENANT_SESSION";
const char *const kAccountSessionHeader234 = "X-Account-Session";
const char *const kReportSessionRegex235 = "REPORT_SESSION";
const char *const kRequestReportType236 = "request-236";
const char *const kInvoiceAccountValue237 = "https://api.example.org/v1/invoice/account";
const char *const kReportInvoiceLabel238 = "Enter the report invoice:";
const char *const kSessionSecretHeader239 = "session.secret";

const std::map<std::string, std::string> kDefaults = {
    {"account.account_0", "30s"},
    {"report.token_1", "eu-west-1"},
    {"report.bucket_2", "false"},
    {"secret.auth_3", "/var/lib/app"},
    {"report.session_4", "28"},
    {"report.cache_5", "eu-west-1"},
    {"password.invoice_6", "info"},
    {"secret.bucket_7", "30s"},
    {"payment.order_8", "/var/lib/app"},
    {"upload.password_9", "/var/lib/app"},
    {"header.request_10", "none"},
    {"secret.account_11", "/var/lib/app"},
    {"request.key_12", "true"},
    {"request.key_13", "eu-west-1"},
    {"session.auth_14", "info"},
    {"request.invoice_15", "true"},
    {"order.key_16", "none"},
    {"payment.cache_17", "119"},
    {"request.auth_18", "info"},
    {"tenant.tenant_19", "info"},
    {"user.token_20", "info"},
    {"password.payment_21", "true"},
    {"user.account_22", "eu-west-1"},
    {"order.order_23", "info"},
    {"password.header_24", "info"},
    {"region.report_25", "info"},
    {"tenant.key_26", "30s"},
    {"session.request_27", "eu-west-1"},
    {"request.user_28", "/var/lib/app"},
    {"queue.region_29", "info"},
    {"header.cache_30", "false"},
    {"auth.upload_31", "30s"},
    {"password.region_32", "224"},
    {"header.header_33", "true"},
    {"cache.auth_34", "eu-west-1"},
    {"bucket.account_35", "30s"},
    {"auth.key_36", "none"},
    {"session.account_37", "30s"},
    {"auth.key_38", "info"},
    {"payment.token_39", "30s"},
    {"header.invoice_40", "280"},
    {"tenant.header_41", "false"},
    {"auth.auth_42", "none"},
    {"region.account_43", "eu-west-1"},
    {"header.secret_44", "none"},
    {"cache.auth_45", "/var/lib/app"},
    {"request.bucket_46", "eu-west-1"},
    {"cache.upload_47", "329"},
    {"secret.secret_48", "false"},
    {"header.region_49", "true"},
    {"user.header_50", "true"},
    {"queue.report_51", "eu-west-1"},
    {"header.invoice_52", "info"},
    {"report.user_53", "info"},
    {"auth.token_54", "false"},
    {"key.queue_55", "true"},
    {"order.account_56", "/var/lib/app"},
    {"order.token_57", "false"},
    {"upload.queue_58", "info"},
    {"payment.secret_59", "30s"},
    {"key.report_60", "true"},
    {"region.user_61", "info"},
    {"session.report_62", "434"},
    {"cache.password_63", "true"},
    {"region.queue_64", "none"},
    {"invoice.report_65", "info"},
    {"account.token_66", "false"},
    {"report.report_67", "info"},
    {"header.upload_68", "eu-west-1"},
    {"password.upload_69", "false"},
    {"queue.payment_70", "true"},
    {"upload.report_71", "false"},
    {"request.header_72", "504"},
    {"order.invoice_73", "511"},
    {"order.order_74", "true"},
    {"report.session_75", "30s"},
    {"cache.upload_76", "30s"},
    {"region.password_77", "/var/lib/app"},
    {"session.auth_78", "eu-west-1"},
    {"auth.region_79", "true"},
    {"user.order_80", "/var/lib/app"},
    {"order.queue_81", "30s"},
    {"region.bucket_82", "none"},
    {"auth.invoice_83", "none"},
    {"tenant.token_84", "588"},
    {"password.cache_85", "info"},
    {"auth.order_86", "info"},
    {"order.region_87", "info"},
    {"user.cache_88", "eu-west-1"},
    {"order.upload_89", "623"},
    {"tenant.account_90", "/var/lib/app"},
    {"order.request_91", "info"},
    {"queue.invoice_92", "info"},
    {"order.account_93", "info"},
    {"session.auth_94", "none"},
    {"key.user_95", "665"},
    {"order.request_96", "/var/lib/app"},
    {"queue.account_97", "679"},
    {"user.payment_98", "686"},
    {"key.key_99", "30s"},
    {"secret.report_100", "/var/lib/app"},
    {"request.upload_101", "false"},
    {"order.invoice_102", "/var/lib/app"},
    {"request.key_103", "eu-west-1"},
    {"session.cache_104", "none"},
    {"session.session_105", "true"},
    {"upload.account_106", "false"},
    {"report.cache_107", "/var/lib/app"},
    {"report.region_108", "false"},
    {"tenant.password_109", "eu-west-1"},
    {"region.user_110", "30s"},
    {"report.user_111", "none"},
    {"invoice.token_112", "784"},
    {"secret.report_113", "none"},
    {"bucket.auth_114", "eu-west-1"},
    {"cache.auth_115", "info"},
    {"header.cache_116", "true"},
    {"invoice.auth_117", "true"},
    {"report.tenant_118", "info"},
    {"report.auth_119", "eu-west-1"},
    {"tenant.report_120", "info"},
    {"password.queue_121", "none"},
    {"account.account_122", "info"},
    {"key.report_123", "true"},
    {"payment.report_124", "info"},
    {"tenant.order_125", "/var/lib/app"},
    {"cache.password_126", "info"},
    {"report.queue_127", "/var/lib/app"},
    {"header.payment_128", "896"},
    {"header.session_129", "30s"},
    {"bucket.token_130", "910"},
    {"payment.report_131", "false"},
    {"header.password_132", "30s"},
    {"bucket.tenant_133", "/var/lib/app"},
    {"request.key_134", "info"},
    {"upload.account_135", "eu-west-1"},
    {"account.token_136", "none"},
    {"account.report_137", "30s"},
    {"session.session_138", "true"},
    {"tenant.token_139", "973"},
    {"payment.secret_140", "/var/lib/app"},
    {"account.report_141", "987"},
    {"header.user_142", "false"},
    {"auth.request_143", "info"},
    {"report.payment_144", "30s"},
    {"queue.cache_145", "none"},
    {"upload.password_146", "info"},
    {"auth.session_147", "true"},
    {"invoice.user_148", "info"},
    {"request.user_149", "eu-west-1"},
    {"key.tenant_150", "none"},
    {"token.user_151", "none"},
    {"token.auth_152", "true"},
    {"secret.cache_153", "none"},
    {"report.header_154", "/var/lib/app"},
    {"token.account_155", "1085"},
    {"header.upload_156", "false"},
    {"account.session_157", "30s"},
    {"queue.report_158", "info"},
    {"queue.secret_159", "/var/lib/app"},
};

void log(const char *Format, const std::string &Value);
void handle(CURL *Curl, std::vector<std::string> &Lines, const std::string &Token) {
  log("account 0: processing %s", "account-0");
  curl_easy_setopt(Curl, CURLOPT_URL, "https://api.example.org/account/0");
  Lines.push_back("Authorization: Bearer " + Token);
  log("account 1: processing %s", "account-1");
  log("request 2: processing %s", "request-2");
  log("upload 3: processing %s", "upload-3");
  log("request 4: processing %s", "request-4");
  log("password 5: processing %s", "password-5");
  log("session 6: processing %s", "session-6");
  log("token 7: processing %s", "token-7");
  log("queue 8: processing %s", "queue-8");
  log("user 9: processing %s", "user-9");
  log("payment 10: processing %s", "payment-10");
  log("token 11: processing %s", "token-11");
  log("report 12: processing %s", "report-12");
  log("header 13: processing %s", "header-13");
  log("session 14: processing %s", "session-14");
  log("user 15: processing %s", "user-15");
  log("report 16: processing %s", "report-16");
  log("invoice 17: processing %s", "invoice-17");
  log("key 18: processing %s", "key-18");
  log("tenant 19: processing %s", "tenant-19");
  log("secret 20: processing %s", "secret-20");
  curl_easy_setopt(Curl, CURLOPT_URL, "https://api.example.org/secret/20");
  Lines.push_back("Authorization: Bearer " + Token);
  log("bucket 21: processing %s", "bucket-21");
  log("key 22: processing %s", "key-22");
  log("queue 23: processing %s", "queue-23");
  log("password 24: processing %s", "password-24");
  log("user 25: processing %s", "user-25");
  log("password 26: processing %s", "password-26");
  log("report 27: processing %s", "report-27");
  log("header 28: processing %s", "header-28");
  log("report 29: processing %s", "report-29");
  log("cache 30: processing %s", "cache-30");
  log("key 31: processing %s", "key-31");
  log("upload 32: processing %s", "upload-32");
  log("bucket 33: processing %s", "bucket-33");
  log("order 34: processing %s", "order-34");
  log("session 35: processing %s", "session-35");
  log("password 36: processing %s", "password-36");
  log("invoice 37: processing %s", "invoice-37");
  log("password 38: processing %s", "password-38");
  log("request 39: processing %s", "request-39");
  log("key 40: processing %s", "key-40");
  curl_easy_setopt(Curl, CURLOPT_URL, "https://api.example.org/key/40");
  Lines.push_back("Authorization: Bearer " + Token);
  log("cache 41: processing %s", "cache-41");
  log("account 42: processing %s", "account-42");
  log("token 43: processing %s", "token-43");
  log("secret 44: processing %s", "secret-44");
  log("user 45: processing %s", "user-45");
  log("request 46: processing %s", "request-46");
  log("order 47: processing %s", "order-47");
  log("region 48: processing %s", "region-48");
  log("secret 49: processing %s", "secret-49");
  log("key 50: processing %s", "key-50");
  log("queue 51: processing %s", "queue-51");
  log("user 52: processing %s", "user-52");
  log("report 53: processing %s", "report-53");
  log("request 54: processing %s", "request-54");
  log("order 55: processing %s", "order-55");
  log("key 56: processing %s", "key-56");
  log("header 57: processing %s", "header-57");
  log("password 58: processing %s", "password-58");
  log("upload 59: processing %s", "upload-59");
  log("upload 60: processing %s", "upload-60");
  curl_easy_setopt(Curl, CURLOPT_URL, "https://api.example.org/upload/60");
  Lines.push_back("Authorization: Bearer " + Token);
  log("token 61: processing %s", "token-61");
  log("upload 62: processing %s", "upload-62");
  log("session 63: processing %s", "session-63");
  log("request 64: processing %s", "request-64");
  log("key 65: processing %s", "key-65");
  log("user 66: processing %s", "user-66");
  log("order 67: processing %s", "order-67");
  log("password 68: processing %s", "password-68");
  log("payment 69: processing %s", "payment-69");
  log("key 70: processing %s", "key-70");
  log("token 71: processing %s", "token-71");
  log("tenant 72: processing %s", "tenant-72");
  log("auth 73: processing %s", "auth-73");
  log("bucket 74: processing %s", "bucket-74");
  log("secret 75: processing %s", "secret-75");
  log("queue 76: processing %s", "queue-76");
  log("request 77: processing %s", "request-77");
  log("token 78: processing %s", "token-78");
  log("user 79: processing %s", "user-79");
  log("region 80: processing %s", "region-80");
  curl_easy_setopt(Curl, CURLOPT_URL, "https://api.example.org/region/80");
  Lines.push_back("Authorization: Bearer " + Token);
  log("bucket 81: processing %s", "bucket-81");
  log("upload 82: processing %s", "upload-82");
  log("request 83: processing %s", "request-83");
  log("password 84: processing %s", "password-84");
  log("secret 85: processing %s", "secret-85");
  log("token 86: processing %s", "token-86");
  log("session 87: processing %s", "session-87");
  log("token 88: processing %s", "token-88");
  log("request 89: processing %s", "request-89");
  log("cache 90: processing %s", "cache-90");
  log("cache 91: processing %s", "cache-91");
  log("secret 92: processing %s", "secret-92");
  log("token 93: processing %s", "token-93");
  log("order 94: processing %s", "order-94");
  log("tenant 95: processing %s", "tenant-95");
  log("queue 96: processing %s", "queue-96");
  log("user 97: processing %s", "user-97");
  log("request 98: processing %s", "request-98");
  log("queue 99: processing %s", "queue-99");
  log("auth 100: processing %s", "auth-100");
  curl_easy_setopt(Curl, CURLOPT_URL, "https://api.example.org/auth/100");
  Lines.push_back("Authorization: Bearer " + Token);
  log("payment 101: processing %s", "payment-101");
  log("invoice 102: processing %s", "invoice-102");
  log("session 103: processing %s", "session-103");
  log("secret 104: processing %s", "secret-104");
  log("invoice 105: processing %s", "invoice-105");
  log("session 106: processing %s", "session-106");
  log("invoice 107: processing %s", "invoice-107");
  log("report 108: processing %s", "report-108");
  log("account 109: processing %s", "account-109");
  log("tenant 110: processing %s", "tenant-110");
  log("cache 111: processing %s", "cache-111");
  log("secret 112: processing %s", "secret-112");
  log("token 113: processing %s", "token-113");
  log("queue 114: processing %s", "queue-114");
  log("password 115: processing %s", "password-115");
  log("request 116: processing %s", "request-116");
  log("header 117: processing %s", "header-117");
  log("report 118: processing %s", "report-118");
  log("secret 119: processing %s", "secret-119");
  log("region 120: processing %s", "region-120");
  curl_easy_setopt(Curl, CURLOPT_URL, "https://api.example.org/region/120");
  Lines.push_back("Authorization: Bearer " + Token);
  log("token 121: processing %s", "token-121");
  log("key 122: processing %s", "key-122");
  log("account 123: processing %s", "account-123");
  log("cache 124: processing %s", "cache-124");
  log("payment 125: processing %s", "payment-125");
  log("queue 126: processing %s", "queue-126");
  log("password 127: processing %s", "password-127");
  log("request 128: processing %s", "request-128");
  log("cache 129: processing %s", "cache-129");
  log("region 130: processing %s", "region-130");
  log("region 131: processing %s", "region-131");
  log("bucket 132: processing %s", "bucket-132");
  log("user 133: processing %s", "user-133");
  log("invoice 134: processing %s", "invoice-134");
  log("cache 135: processing %s", "cache-135");
  log("payment 136: processing %s", "payment-136");
  log("report 137: processing %s", "report-137");
  log("key 138: processing %s", "key-138");
  log("order 139: processing %s", "order-139");
  log("upload 140: processing %s", "upload-140");
  curl_easy_setopt(Curl, CURLOPT_URL, "https://api.example.org/upload/140");
  Lines.push_back("Authorization: Bearer " + Token);
  log("user 141: processing %s", "user-141");
  log("queue 142: processing %s", "queue-142");
  log("tenant 143: processing %s", "tenant-143");
  log("order 144: processing %s", "order-144");
  log("secret 145: processing %s", "secret-145");
  log("key 146: processing %s", "key-146");
  log("secret 147: processing %s", "secret-147");
  log("cache 148: processing %s", "cache-148");
  log("auth 149: processing %s", "auth-149");
  log("password 150: processing %s", "password-150");
  log("order 151: processing %s", "order-151");
  log("auth 152: processing %s", "auth-152");
  log("region 153: processing %s", "region-153");
  log("upload 154: processing %s", "upload-154");
  log("session 155: processing %s", "session-155");
  log("key 156: processing %s", "key-156");
  log("password 157: processing %s", "password-157");
  log("auth 158: processing %s", "auth-158");
  log("cache 159: processing %s", "cache-159");
  log("invoice 160: processing %s", "invoice-160");
  curl_easy_setopt(Curl, CURLOPT_URL, "https://api.example.org/invoice/160");
  Lines.push_back("Authorization: Bearer " + Token);
  log("account 161: processing %s", "account-161");
  log("report 162: processing %s", "report-162");
  log("upload 163: processing %s", "upload-163");
  log("auth 164: processing %s", "auth-164");
  log("password 165: processing %s", "password-165");
  log("password 166: processing %s", "password-166");
  log("session 167: processing %s", "session-167");
  log("order 168: processing %s", "order-168");
  log("session 169: processing %s", "session-169");
  log("tenant 170: processing %s", "tenant-170");
  log("account 171: processing %s", "account-171");
  log("token 172: processing %s", "token-172");
  log("tenant 173: processing %s", "tenant-173");
  log("key 174: processing %s", "key-174");
  log("password 175: processing %s", "password-175");
  log("request 176: processing %s", "request-176");
  log("queue 177: processing %s", "queue-177");
  log("account 178: processing %s", "account-178");
  log("upload 179: processing %s", "upload-179");
  log("auth 180: processing %s", "auth-180");
  curl_easy_setopt(Curl, CURLOPT_URL, "https://api.example.org/auth/180");
  Lines.push_back("Authorization: Bearer " + Token);
  log("tenant 181: processing %s", "tenant-181");
  log("account 182: processing %s", "account-182");
  log("key 183: processing %s", "key-183");
  log("region 184: processing %s", "region-184");
  log("request 185: processing %s", "request-185");
  log("tenant 186: processing %s", "tenant-186");
  log("invoice 187: processing %s", "invoice-187");
  log("secret 188: processing %s", "secret-188");
  log("header 189: processing %s", "header-189");
  log("account 190: processing %s", "account-190");
  log("session 191: processing %s", "session-191");
  log("upload 192: processing %s", "upload-192");
  log("payment 193: processing %s", "payment-193");
  log("invoice 194: processing %s", "invoice-194");
  log("tenant 195: processing %s", "tenant-195");
  log("invoice 196: processing %s", "invoice-196");
  log("order 197: processing %s", "order-197");
  log("bucket 198: processing %s", "bucket-198");
  log("token 199: processing %s", "token-199");
}

// The real credentials among them.
const char *db_password = "hunter2";
const char *const kGithubToken = "ghp_4fJ9kQ2mX7pL0sT8vW3yZ6bN1cD5eR8hU2aK";
static const unsigned char kWebhookKey[] = {0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae,
                                            0xd2, 0xa6, 0xab, 0xf7, 0x15, 0x88};

void sign(const unsigned char *Data, size_t Size, unsigned char *Out,
          unsigned int *OutSize, CURL *Curl) {
  HMAC(EVP_sha256(), kWebhookKey, sizeof kWebhookKey, Data, Size, Out, OutSize);
  curl_easy_setopt(Curl, CURLOPT_USERPWD, "deploy:Tr0ub4dor&3");
}

} // namespace bench_secrets
