namespace Portal.Features.CheckIn;

/// <summary>
/// Tells the open meeting and door pages of this instance that someone checked in, so their tallies change without a
/// reload. A singleton: subscribers are components, which unsubscribe when disposed.
/// </summary>
public sealed class CheckInNotifier
{
    public event Action<int>? CheckedIn;

    public void Notify(int meetingId) => CheckedIn?.Invoke(meetingId);
}
