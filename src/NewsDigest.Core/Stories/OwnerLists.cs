using System.Numerics;

namespace NewsDigest.Stories;

/// <summary>
/// Short lists of story numbers, each in a block of one shared array: the owner lists of <see cref="StoryKeyIndex"/>.
/// Blocks hold 2, 4, 8, ... stories; a full list moves to a block twice the size, and the block it leaves is kept
/// for the next list of that size. No list is an object of its own, so the garbage collector has nothing to trace.
/// </summary>
internal sealed class OwnerLists
{
    /// <summary>What <see cref="Dropped"/> says when the story is in the list already.</summary>
    public const int AlreadyListed = -2;

    /// <summary>What <see cref="Dropped"/> says when no story would go.</summary>
    public const int NoneDropped = -1;

    private const int NoBlock = -1;

    private int[] _stories = new int[1 << 12];
    private int _used;
    private ListBlock[] _lists = new ListBlock[1 << 10];
    private int _count;

    // The first free block of each size (2 << class), chained through each free block's first slot.
    private readonly int[] _free = new int[31];

    public OwnerLists() => Array.Fill(_free, NoBlock);

    /// <summary>A new list of <paramref name="first"/> then <paramref name="second"/>; returns its number.</summary>
    public int New(int first, int second)
    {
        if (_count == _lists.Length)
        {
            Array.Resize(ref _lists, _lists.Length * 2);
        }

        var start = Allocate(2);
        _stories[start] = first;
        _stories[start + 1] = second;
        _lists[_count] = new ListBlock(start, 2, 2);
        return _count++;
    }

    /// <summary>The first (oldest) story of list <paramref name="list"/>.</summary>
    public int First(int list) => _stories[_lists[list].Start];

    /// <summary>The stories of list <paramref name="list"/> after the first, oldest first.</summary>
    public ReadOnlySpan<int> Rest(int list)
    {
        var (start, count, _) = _lists[list];
        return _stories.AsSpan(start + 1, count - 1);
    }

    /// <summary>
    /// Puts <paramref name="story"/> last in list <paramref name="list"/>, taking it out of where it was; when that
    /// makes the list longer than <paramref name="capacity"/>, the oldest story goes.
    /// </summary>
    public void MoveToEnd(int list, int story, int capacity)
    {
        var (start, count, room) = _lists[list];
        var stories = _stories.AsSpan(start, count);
        if (stories[^1] == story)
        {
            return;
        }

        var at = stories.IndexOf(story);
        if (at >= 0 || count >= capacity)
        {
            // Already in the list, or the list is full: the stories after the one that goes move up one place.
            var from = at >= 0 ? at : 0;
            stories[(from + 1)..].CopyTo(stories[from..]);
            stories[^1] = story;
            return;
        }

        if (count == room)
        {
            var grown = Allocate(room * 2);
            _stories.AsSpan(start, count).CopyTo(_stories.AsSpan(grown));
            Release(start, room);
            (start, room) = (grown, room * 2);
        }

        _stories[start + count] = story;
        _lists[list] = new ListBlock(start, count + 1, room);
    }

    /// <summary>
    /// What <see cref="MoveToEnd"/> of <paramref name="story"/> would take out of list <paramref name="list"/>:
    /// <see cref="AlreadyListed"/>, or the oldest story when the list is full, else <see cref="NoneDropped"/>.
    /// </summary>
    public int Dropped(int list, int story, int capacity)
    {
        var (start, count, _) = _lists[list];
        var stories = _stories.AsSpan(start, count);
        return stories.Contains(story) ? AlreadyListed : count >= capacity ? stories[0] : NoneDropped;
    }

    private int Allocate(int size)
    {
        var sizeClass = SizeClass(size);
        var free = _free[sizeClass];
        if (free != NoBlock)
        {
            _free[sizeClass] = _stories[free];
            return free;
        }

        if (_used + size > _stories.Length)
        {
            Array.Resize(ref _stories, Math.Max(_stories.Length * 2, _used + size));
        }

        _used += size;
        return _used - size;
    }

    private void Release(int start, int size)
    {
        var sizeClass = SizeClass(size);
        _stories[start] = _free[sizeClass];
        _free[sizeClass] = start;
    }

    private static int SizeClass(int size) => BitOperations.Log2((uint)size) - 1;

    /// <summary>Where a list's block starts, how many stories it holds, and how many its block has room for.</summary>
    private readonly record struct ListBlock(int Start, int Count, int Room);
}
