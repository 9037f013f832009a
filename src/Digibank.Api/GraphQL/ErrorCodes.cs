namespace Digibank.Api.GraphQL;

/// <summary>The <c>extensions.code</c> values this API sets itself; validation errors keep GraphQL.NET's rule codes.</summary>
public static class ErrorCodes
{
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string InvalidJson = "INVALID_JSON";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string InvalidId = "INVALID_ID";
    public const string InvalidArgument = "INVALID_ARGUMENT";
    public const string RegionNotFound = "REGION_NOT_FOUND";
    public const string InvalidPaging = "INVALID_PAGING";
    public const string PageSizeTooLarge = "PAGE_SIZE_TOO_LARGE";
    public const string InternalError = "INTERNAL_SERVER_ERROR";
    public const string Timeout = "TIMEOUT";
    public const string InvalidToken = "AUTH_INVALID_TOKEN";
    public const string QueryTooExpensive = "QUERY_TOO_EXPENSIVE";
    public const string DocumentTooDeep = "DOCUMENT_TOO_DEEP";
    public const string FilterTooComplex = "FILTER_TOO_COMPLEX";
    public const string SubscriptionNeedsWebSocket = "SUBSCRIPTION_NEEDS_WEBSOCKET";
    public const string RateLimited = "RATE_LIMITED";
    public const string TooManySubscriptions = "TOO_MANY_SUBSCRIPTIONS";
    public const string InvalidDocumentId = "INVALID_DOCUMENT_ID";
    public const string DocumentNotFound = "DOCUMENT_NOT_FOUND";
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string TrustedDocumentRequired = "TRUSTED_DOCUMENT_REQUIRED";
}
