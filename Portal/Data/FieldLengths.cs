namespace Portal.Data;

/// <summary>Column limits shared by the database schema and the editors' validation.</summary>
public static class FieldLengths
{
    public const int Name = 300;
    public const int Acronym = 30;
    public const int Aliases = 300;
    public const int Province = 100;
    public const int Url = 500;
    public const int Notes = 4000;
    public const int PersonName = 100;
    public const int Position = 300;
    public const int Email = 254;
    public const int Phone = 40;
    public const int Title = 500;
    public const int Venue = 200;
    public const int Markdown = 20000;
    public const int Tag = 50;
    public const int Reason = 500;
    public const int FileName = 255;
}
