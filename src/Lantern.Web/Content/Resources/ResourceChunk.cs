namespace Lantern.Web.Content.Resources;

/// <summary>One piece (<see cref="Resource.ChunkBytes"/>) of a resource's file, numbered from 0.</summary>
public sealed class ResourceChunk
{
    public Guid ResourceId { get; set; }

    public int Index { get; set; }

    public required byte[] Data { get; set; }
}
