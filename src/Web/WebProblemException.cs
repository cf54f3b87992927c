namespace Analytics.Web;

/// <summary>
/// A request that cannot be answered, with its HTTP status and a message for the person (Chinese first): 400 a bad
/// parameter, 403 another county's or utility's data, 404 nothing there, 422 data that cannot be used.
/// </summary>
public sealed class WebProblemException : Exception
{
    public WebProblemException(int status, string message) : base(message) => Status = status;

    public WebProblemException(string message) : base(message) => Status = 400;

    public WebProblemException(string message, Exception inner) : base(message, inner) => Status = 400;

    public WebProblemException() => Status = 400;

    public int Status { get; }

    public static WebProblemException Forbidden(string what) => new(403, $"无权访问：{what} (forbidden for this account)");

    public static WebProblemException BadRequest(string message) => new(400, message);
}
