Console.WriteLine("The runtime benchmark lands with the persistence layer.");
